import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { getPollerStatus } from "./get-poller-status";
import { listRecentSourceEvents } from "./list-source-events";

describe.each(RUNTIMES)("the poller's status as each user may read it on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("shows the source's error text and address to administrators only", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    await prisma.pollerStatus.create({
      data: {
        sourceKind: "opsview-db",
        sourceDescription: "main database opsview@10.0.0.5:3306/runtime",
        lastError: "connect ECONNREFUSED 10.0.0.5:3306",
        staleSince: new Date("2026-12-03T10:00:00Z"),
        lastSuccessAt: new Date("2026-12-03T09:59:50Z"),
        lastReadMs: 1204,
        lastEvaluateMs: 41,
        lastStoreMs: 0,
      },
    });
    await prisma.sourceEvent.create({ data: { at: new Date("2026-12-03T10:00:05Z"), kind: "failover", message: "switched to backup database opsview@10.0.0.6:3306" } });

    expect(await getPollerStatus(prisma, { isAdmin: true, seesEstateFigures: true })).toEqual({
      sourceKind: "opsview-db",
      sourceDescription: "main database opsview@10.0.0.5:3306/runtime",
      lastSuccessAt: "2026-12-03T09:59:50.000Z",
      staleSince: "2026-12-03T10:00:00.000Z",
      lastError: "connect ECONNREFUSED 10.0.0.5:3306",
      lastCyclePhases: { readMs: 1204, evaluateMs: 41, storeMs: 0 },
    });
    expect(await getPollerStatus(prisma, { isAdmin: false, seesEstateFigures: true })).toEqual({
      sourceKind: "opsview-db",
      sourceDescription: "Opsview database",
      lastSuccessAt: "2026-12-03T09:59:50.000Z",
      staleSince: "2026-12-03T10:00:00.000Z",
      lastError: null,
      lastCyclePhases: { readMs: 1204, evaluateMs: 41, storeMs: 0 },
    });
    expect((await listRecentSourceEvents(prisma, { isAdmin: true, seesEstateFigures: true })).map((event) => event.message)).toEqual(["switched to backup database opsview@10.0.0.6:3306"]);
    expect(await listRecentSourceEvents(prisma, { isAdmin: false, seesEstateFigures: true })).toEqual([]);
  });

  it("keeps the simulated estate's description (no address) for those who may see estate figures only", async () => {
    const database = await freshDatabase();
    await database.prisma.pollerStatus.create({ data: { sourceKind: "simulated", sourceDescription: "simulated estate: 240 hosts" } });
    expect((await getPollerStatus(database.prisma, { isAdmin: false, seesEstateFigures: true }))?.sourceDescription).toBe("simulated estate: 240 hosts");
    expect((await getPollerStatus(database.prisma, { isAdmin: false, seesEstateFigures: false }))?.sourceDescription).toBe("Simulated estate (demo)");
  });

  it("has no cycle cost before the first successful cycle", async () => {
    const database = await freshDatabase();
    await database.prisma.pollerStatus.create({ data: { sourceKind: "simulated", sourceDescription: "simulated estate: 240 hosts" } });
    expect((await getPollerStatus(database.prisma, { isAdmin: true, seesEstateFigures: true }))?.lastCyclePhases).toBeNull();
  });
});
