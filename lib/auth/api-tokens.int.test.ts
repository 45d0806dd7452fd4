import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { authenticateApiRequest } from "../api/authenticate";
import { AppError, ForbiddenError, ValidationError } from "../errors/app-error";
import { httpStatusOf } from "../errors/error-response";
import { createUser } from "../users/create-user";
import { createApiToken, findApiTokenGrant, listApiTokens, revokeApiToken } from "./api-tokens";

const NOW = Date.now();
const inDays = (days: number) => new Date(NOW + days * 86_400_000);

const call = (prisma: PrismaClient, token: string, method: string) =>
  authenticateApiRequest(prisma, new Request("http://localhost/api/config/bsmservice", { method, headers: { authorization: `Bearer ${token}` } }));

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return { status: httpStatusOf(error), message: error.message };
    throw error;
  }
}

describe.each(RUNTIMES)("API tokens with expiry and scope on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const other = await createUser(prisma, { email: "other@test.local", name: "Other", password: "other-password", isAdmin: true });
    return { prisma, admin, other };
  }

  it("record their use at most once a minute, and not once expired", async () => {
    const { prisma, admin } = await setUp();
    const used = await createApiToken(prisma, admin, { name: "used", scope: "read-only" });
    const expired = await createApiToken(prisma, admin, { name: "expired", scope: "full", expiresAt: inDays(1).toISOString() });
    await prisma.apiToken.update({ where: { id: expired.view.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const lastUsedAt = async (id: number) => (await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsedAt(used.view.id)).toBeNull();
    const before = Date.now();
    expect(await findApiTokenGrant(prisma, used.token)).toMatchObject({ id: used.view.id, userId: admin.id, scope: "read-only", expiresAt: null });
    const first = (await lastUsedAt(used.view.id))!;
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(first.getTime()).toBeLessThanOrEqual(Date.now() + 1);
    await findApiTokenGrant(prisma, used.token);
    expect(await lastUsedAt(used.view.id)).toEqual(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await prisma.apiToken.update({ where: { id: used.view.id }, data: { lastUsedAt: twoMinutesAgo } });
    await findApiTokenGrant(prisma, used.token);
    expect((await lastUsedAt(used.view.id))!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect(await findApiTokenGrant(prisma, expired.token)).toMatchObject({ id: expired.view.id });
    expect(await lastUsedAt(expired.view.id)).toBeNull();
    expect(await findApiTokenGrant(prisma, "bsm_no-such-token")).toBeNull();
  });

  it("are stored with their scope and expiry, found with them, and listed with an expired mark", async () => {
    const { prisma, admin } = await setUp();
    const readOnly = await createApiToken(prisma, admin, { name: "dashboards", scope: "read-only", expiresAt: inDays(30).toISOString() });
    const expired = await createApiToken(prisma, admin, { name: "old", scope: "full", expiresAt: inDays(1).toISOString() });
    await prisma.apiToken.update({ where: { id: expired.view.id }, data: { expiresAt: inDays(-1) } });

    expect(await findApiTokenGrant(prisma, readOnly.token)).toEqual({ id: readOnly.view.id, userId: admin.id, scope: "read-only", expiresAt: inDays(30) });
    expect(await findApiTokenGrant(prisma, "bsm_unknown")).toBeNull();
    const listed = await listApiTokens(prisma, admin.id, NOW);
    expect(listed.map(({ name, scope, expiresAt, expired }) => ({ name, scope, expiresAt, expired }))).toEqual([
      { name: "old", scope: "full", expiresAt: inDays(-1), expired: true },
      { name: "dashboards", scope: "read-only", expiresAt: inDays(30), expired: false },
    ]);
    const audit = await prisma.auditEntry.findFirst({ where: { action: "apiToken.create", target: `apiToken:${readOnly.view.id}` } });
    expect(audit?.detail).toEqual({ name: "dashboards", scope: "read-only", expiresAt: inDays(30).toISOString(), via: "session" });
  });

  it("an expired token gets 401, a read-only token 403 on changes and passes on reads", async () => {
    const { prisma, admin } = await setUp();
    const readOnly = await createApiToken(prisma, admin, { name: "read", scope: "read-only" });
    const full = await createApiToken(prisma, admin, { name: "full", expiresAt: inDays(1).toISOString() });
    const expired = await createApiToken(prisma, admin, { name: "expired" });
    await prisma.apiToken.update({ where: { id: expired.view.id }, data: { expiresAt: inDays(-1) } });

    expect((await call(prisma, readOnly.token, "GET")).user.id).toBe(admin.id);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(await refusal(call(prisma, readOnly.token, method))).toEqual({ status: 403, message: "This API token is read-only: it may not create, change or delete anything" });
    }
    expect((await call(prisma, full.token, "POST")).token).toEqual({ id: full.view.id, userId: admin.id, scope: "full", expiresAt: inDays(1) });
    expect(await refusal(call(prisma, expired.token, "GET"))).toEqual({ status: 401, message: "API token expired" });
    expect(await refusal(call(prisma, "bsm_nonsense", "GET"))).toEqual({ status: 401, message: "invalid or revoked API token" });
  });

  it("a token cannot create a token of wider scope or longer life", async () => {
    const { prisma, admin } = await setUp();
    const readOnly = await createApiToken(prisma, admin, { name: "read", scope: "read-only" });
    const limited = await createApiToken(prisma, admin, { name: "limited", expiresAt: inDays(7).toISOString() });
    const readOnlyGrant = await findApiTokenGrant(prisma, readOnly.token);
    const limitedGrant = await findApiTokenGrant(prisma, limited.token);

    await expect(createApiToken(prisma, admin, { name: "wider" }, readOnlyGrant)).rejects.toThrow(ForbiddenError);
    await expect(createApiToken(prisma, admin, { name: "longer", expiresAt: inDays(8).toISOString() }, limitedGrant)).rejects.toThrow(ValidationError);
    const inherits = await createApiToken(prisma, admin, { name: "inherits" }, limitedGrant);
    expect(inherits.view.expiresAt).toEqual(inDays(7));
    const shorter = await createApiToken(prisma, admin, { name: "shorter", scope: "read-only", expiresAt: inDays(1).toISOString() }, limitedGrant);
    expect(shorter.view).toMatchObject({ scope: "read-only", expiresAt: inDays(1) });
    const audit = await prisma.auditEntry.findFirst({ where: { action: "apiToken.create", target: `apiToken:${shorter.view.id}` } });
    expect(audit?.detail).toMatchObject({ via: `apiToken:${limited.view.id}` });
    expect(await prisma.apiToken.count({ where: { userId: admin.id } })).toBe(4);
  });

  it("are revoked by their owner only", async () => {
    const { prisma, admin, other } = await setUp();
    const mine = await createApiToken(prisma, admin, { name: "mine" });
    expect(await revokeApiToken(prisma, other, mine.view.id)).toBe(false);
    expect(await findApiTokenGrant(prisma, mine.token)).not.toBeNull();
    expect(await revokeApiToken(prisma, admin, mine.view.id)).toBe(true);
    expect(await findApiTokenGrant(prisma, mine.token)).toBeNull();
  });
});
