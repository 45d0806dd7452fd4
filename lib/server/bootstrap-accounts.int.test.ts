import { loadAccess } from "../auth/load-access";
import { beforeEach, describe, expect, it } from "vitest";
import { freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { authenticateUser } from "../users/authenticate";
import { DEMO_VIEWER, bootstrapAccounts } from "./bootstrap-accounts";

describe("bootstrapAccounts", () => {
  const freshDatabase = freshDatabaseOpener("pglite");
  let database: FreshDatabase;
  let lines: string[];
  const log = (line: string) => lines.push(line);

  beforeEach(async () => {
    database = await freshDatabase();
    lines = [];
  });

  it("creates an admin with a generated password, prints it once, and it signs in", async () => {
    await bootstrapAccounts(database.prisma, { seedDemoViewer: false }, log);
    expect(lines).toHaveLength(1);
    const match = /^Created the first admin account: (\S+) \/ (\S+) {2}\(shown only this once\)$/.exec(lines[0]);
    expect(match).not.toBeNull();
    const [, email, password] = match!;
    const admin = await authenticateUser(database.prisma, email, password);
    expect(admin).toMatchObject({ email: "admin@bsm.local", isAdmin: true });

    await bootstrapAccounts(database.prisma, { seedDemoViewer: true }, log);
    expect(lines).toHaveLength(1);
    expect(await database.prisma.user.count()).toBe(1);
  });

  it("uses the admin given by the environment and never prints its password", async () => {
    await bootstrapAccounts(database.prisma, { adminEmail: "ops@example.com", adminPassword: "s3cret-password", seedDemoViewer: false }, log);
    expect(lines.join("\n")).not.toContain("s3cret-password");
    expect(await authenticateUser(database.prisma, "OPS@example.com", "s3cret-password")).toMatchObject({ isAdmin: true });
    expect(await authenticateUser(database.prisma, "ops@example.com", "wrong-password")).toBeNull();
  });

  it("seeds the demo viewer when asked, as a non-admin", async () => {
    await bootstrapAccounts(database.prisma, { seedDemoViewer: true }, log);
    expect(await authenticateUser(database.prisma, DEMO_VIEWER.email, DEMO_VIEWER.password)).toMatchObject({ isAdmin: false });
    expect(lines.at(-1)).toBe(`Created the demo viewer account: ${DEMO_VIEWER.email} / ${DEMO_VIEWER.password}`);
    const viewer = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_VIEWER.email }, select: { id: true } });
    const access = await loadAccess(database.prisma, viewer.id);
    expect([access.has("bsm"), access.grants.viewAll, access.grants.allBusinessServices, access.has("configureBsm")]).toEqual([true, true, true, false]);
  });
});
