import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { createApiToken, findApiTokenGrant, listApiTokens, revokeApiToken } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { ForbiddenError } from "../errors/app-error";
import { authenticateUser } from "./authenticate";
import { createUser } from "./create-user";
import { createUserAsAdmin, deleteUser, setUserAccess } from "./manage-users";
import { deleteRole, listKnownServiceGroups, listRoles, saveRole } from "./roles";

const ROLE = {
  name: "EU operators",
  bsmAccess: true,
  viewAll: false,
  allBusinessServices: false,
  grantServicesOfComponents: true,
  configureBsm: true,
  configureBsmComponents: false,
  actionBsm: true,
  hostGroups: ["Production / EU / Web"],
  keywords: ["eu"],
  businessServices: [] as { id: number; canEdit: boolean }[],
};

describe.each(RUNTIMES)("users, roles and API tokens on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async (user: { id: string; email: string }) => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    return { prisma, admin, context };
  }

  it("an administrator creates a role with every grant, gives it to a new user, and the user's access follows", async () => {
    const { prisma, admin, context } = await setUp();
    const service = await prisma.businessService.create({ data: { name: "Shop" } });
    const { id: roleId } = await saveRole(await context(admin), null, { ...ROLE, businessServices: [{ id: service.id, canEdit: true }] });
    const [role] = await listRoles(prisma);
    expect(role).toMatchObject({ ...ROLE, id: roleId, businessServices: [{ id: service.id, canEdit: true }], userCount: 0 });

    const { id: userId } = await createUserAsAdmin(await context(admin), { email: "Op@Test.local", name: "Operator", password: "operator-pw", isAdmin: false, roleId });
    expect(await authenticateUser(prisma, "op@test.local", "operator-pw")).toMatchObject({ id: userId, roleId });
    const access = await loadAccess(prisma, userId);
    expect(access.canEditService(service.id)).toBe(true);
    expect(access.has("configureBsmComponents")).toBe(false);
    expect(access.has("actionBsm")).toBe(true);

    await setUserAccess(await context(admin), userId, { isAdmin: false, roleId: null });
    expect((await loadAccess(prisma, userId)).has("bsm")).toBe(false);
    await deleteRole(await context(admin), roleId);
    await deleteUser(await context(admin), userId);
    expect((await prisma.auditEntry.findMany({ orderBy: { id: "asc" } })).map((entry) => entry.action)).toEqual([
      "role.create",
      "user.create",
      "user.access",
      "role.delete",
      "user.delete",
    ]);
  });

  it("a role keeps its service groups: all by default, or the chosen ones, audited like its other fields; none chosen is refused", async () => {
    const { prisma, admin, context } = await setUp();
    const { id: roleId } = await saveRole(await context(admin), null, ROLE);
    expect((await listRoles(prisma))[0]).toMatchObject({ allServiceGroups: true, serviceGroups: [] });
    await saveRole(await context(admin), roleId, { ...ROLE, allServiceGroups: false, serviceGroups: ["Web", "Operating system"] });
    expect((await listRoles(prisma))[0]).toMatchObject({ allServiceGroups: false, serviceGroups: ["Web", "Operating system"] });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "role.update" } });
    expect(audit.detail).toMatchObject({ allServiceGroups: false, serviceGroups: ["Web", "Operating system"] });
    await expect(saveRole(await context(admin), roleId, { ...ROLE, allServiceGroups: false, serviceGroups: [] })).rejects.toMatchObject({
      fieldErrors: { serviceGroups: "choose at least one service group, or tick All service groups" },
    });
  });

  it("lists the service groups the stored checks know, once each, sorted", async () => {
    const { prisma } = await setUp();
    const checks = [
      { name: "HTTP", contributingTemplates: [], serviceGroups: ["Web"] },
      { name: "Disk", contributingTemplates: [], serviceGroups: ["Operating system", "Web"] },
      { name: "NTP", contributingTemplates: [] },
    ];
    await prisma.host.create({ data: { name: "web-1", hostGroups: [], keywords: [], serviceChecks: { create: checks } } });
    expect(await listKnownServiceGroups(prisma)).toEqual(["Operating system", "Web"]);
  });

  it("refuses non-administrators, duplicate names and an admin demoting or deleting themselves", async () => {
    const { prisma, admin, context } = await setUp();
    const { id: roleId } = await saveRole(await context(admin), null, ROLE);
    const user = await createUser(prisma, { email: "u@test.local", name: "U", password: "user-password" });
    await prisma.user.update({ where: { id: user.id }, data: { roleId } });
    await expect(saveRole(await context(user), null, { ...ROLE, name: "Mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserAccess(await context(user), user.id, { isAdmin: true, roleId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRole(await context(admin), null, ROLE)).rejects.toMatchObject({ fieldErrors: { name: "another role already has this name" } });
    await expect(setUserAccess(await context(admin), admin.id, { isAdmin: false, roleId: null })).rejects.toMatchObject({
      fieldErrors: { isAdmin: "you cannot remove your own administrator rights" },
    });
    await expect(deleteUser(await context(admin), admin.id)).rejects.toMatchObject({ fieldErrors: { user: "you cannot delete your own account" } });
    await expect(createUserAsAdmin(await context(admin), { email: "U@test.local", name: "Again", password: "password-2", isAdmin: false, roleId: null })).rejects.toMatchObject({
      fieldErrors: { email: "another user already has this e-mail address" },
    });
  });

  it("API tokens are stored hashed, found by the token, listed by prefix and revoked only by their owner", async () => {
    const { prisma, admin } = await setUp();
    const other = await createUser(prisma, { email: "other@test.local", name: "Other", password: "other-password" });
    const { token, view } = await createApiToken(prisma, admin, { name: "CI" });
    expect(token).toMatch(/^bsm_[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await findApiTokenGrant(prisma, token))?.userId).toBe(admin.id);
    expect(await findApiTokenGrant(prisma, token + "x")).toBeNull();
    expect((await listApiTokens(prisma, admin.id)).map((row) => row.prefix)).toEqual([token.slice(0, 10)]);
    expect(await revokeApiToken(prisma, other, view.id)).toBe(false);
    expect(await revokeApiToken(prisma, admin, view.id)).toBe(true);
    expect(await findApiTokenGrant(prisma, token)).toBeNull();
  });
});
