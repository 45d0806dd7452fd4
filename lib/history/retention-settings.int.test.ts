import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { ForbiddenError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { seedTestEstate } from "../notify/runtime/test-estate";
import { loadHistoryRetentionForm, saveHistoryRetention } from "./retention-settings";

describe.each(RUNTIMES)("the history retention setting on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const estate = await seedTestEstate(database);
    const prisma = database.prisma;
    const role = await prisma.role.create({ data: { name: "Web team", bsmAccess: true, hostGroups: ["Web"] } });
    const viewer = await prisma.user.create({ data: { email: "web@example.test", name: "Web", passwordHash: "x", roleId: role.id } });
    return {
      prisma,
      admin: { id: estate.adminId, email: "ops@example.test" },
      adminAccess: await loadAccess(prisma, estate.adminId),
      viewer: { id: viewer.id, email: viewer.email },
      viewerAccess: await loadAccess(prisma, viewer.id),
    };
  }

  it("is 400 days until an administrator changes it; the change is audited and prunes at the next run", async () => {
    const { prisma, admin, adminAccess } = await setUp();
    expect(await loadHistoryRetentionForm(prisma, adminAccess)).toEqual({ retentionDays: 400, rolledUpTo: null, checkpointedTo: null, prunedAt: null });
    await prisma.historySettings.update({ where: { id: 1 }, data: { prunedAt: new Date(Date.UTC(2026, 11, 6)) } });
    await saveHistoryRetention(prisma, { user: admin, access: adminAccess, raw: { retentionDays: "90" } });
    expect(await loadHistoryRetentionForm(prisma, adminAccess)).toMatchObject({ retentionDays: 90, prunedAt: null });
    const audit = await prisma.auditEntry.findMany({ where: { action: "historySettings.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: admin.id, target: "historySettings", detail: { retentionDays: 90, previous: 400 } });
  });

  it.each([0, 3651, "1.5", "", "ten", null])("refuses %j under the field and saves nothing", async (retentionDays) => {
    const { prisma, admin, adminAccess } = await setUp();
    const saving = saveHistoryRetention(prisma, { user: admin, access: adminAccess, raw: { retentionDays } });
    expect(await fieldErrorsOf(saving)).toEqual({ retentionDays: "Whole days from 1 to 3650" });
    expect((await loadHistoryRetentionForm(prisma, adminAccess)).retentionDays).toBe(400);
  });

  it("is for administrators only", async () => {
    const { prisma, viewer, viewerAccess } = await setUp();
    await expect(saveHistoryRetention(prisma, { user: viewer, access: viewerAccess, raw: { retentionDays: 30 } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadHistoryRetentionForm(prisma, viewerAccess)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
