import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { DAY_MS, HOUR_MS } from "../time/calendar";
import { HISTORY_JOB_EVERY_MS, HistoryJob, PRUNED_TABLES, VACUUM_EVERY_MS } from "./job";

// PGlite has no autovacuum: the history job vacuums the tables it prunes, or retention would bound the
// rows but not the files.

const NOW = Date.UTC(2026, 11, 7, 12, 0);
const ROWS = 20_000;

async function insertTransitions(prisma: PrismaClient, at: number) {
  const rows = Array.from({ length: ROWS }, (_, k) => ({
    objectType: "COMPONENT_HOST" as const,
    objectKey: `host-${k % 500}`,
    at: new Date(at + k),
    fromState: "OPERATIONAL" as const,
    toState: "FAILED" as const,
    fromAcknowledged: false,
    toAcknowledged: false,
    fromImpacted: false,
    toImpacted: false,
  }));
  for (let start = 0; start < rows.length; start += 5_000) await prisma.bsmTransition.createMany({ data: rows.slice(start, start + 5_000) });
}

async function tableBytes(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ bytes: number }[]>(`SELECT pg_relation_size('"BsmTransition"')::int AS bytes`);
  return row.bytes;
}

/** The job's prisma, recording the VACUUM statements it runs. */
function recordingVacuums(prisma: PrismaClient) {
  const vacuums: string[] = [];
  const recording = new Proxy(prisma, {
    get(target, property, receiver) {
      if (property === "$executeRawUnsafe") {
        return (sql: string, ...values: unknown[]) => {
          if (sql.startsWith("VACUUM")) vacuums.push(sql);
          return target.$executeRawUnsafe(sql, ...values);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { prisma: recording, vacuums };
}

/** Runs the job as the poller does between cycles until it has nothing left at this moment. */
async function runUntilIdle(job: HistoryJob) {
  for (let run = 0; run < 50; run++) await job.runIfDue();
}

describe("vacuuming pruned history on PGlite", () => {
  const freshDatabase = freshDatabaseOpener("pglite");

  it("reuses the space of pruned rows, so a year of retention is a year of files", async () => {
    const { prisma } = await freshDatabase();
    await prisma.historySettings.create({ data: { id: 1, retentionDays: 3 } });
    await insertTransitions(prisma, NOW - 10 * DAY_MS);
    const full = await tableBytes(prisma);

    let now = NOW;
    const job = new HistoryJob({ prisma, now: () => now, vacuum: true });
    await runUntilIdle(job);
    expect(await prisma.bsmTransition.count()).toBe(0);
    await insertTransitions(prisma, NOW - HOUR_MS);
    expect(await tableBytes(prisma)).toBe(full);

    // Without the vacuum, the same pruning and inserts grow the table by the rows' size again.
    now += DAY_MS;
    const unvacuumed = new HistoryJob({ prisma, now: () => now, vacuum: false });
    await prisma.historySettings.update({ where: { id: 1 }, data: { retentionDays: 0, prunedAt: null } });
    await runUntilIdle(unvacuumed);
    expect(await prisma.bsmTransition.count()).toBe(0);
    await insertTransitions(prisma, now - HOUR_MS);
    expect(await tableBytes(prisma)).toBeGreaterThanOrEqual(full * 1.9);
  });

  it("vacuums one table a run, every table once per VACUUM_EVERY_MS", async () => {
    const database = await freshDatabase();
    const { prisma, vacuums } = recordingVacuums(database.prisma);
    let now = NOW;
    const job = new HistoryJob({ prisma, now: () => now, vacuum: true });
    await job.runIfDue();
    expect(vacuums).toEqual([`VACUUM "${PRUNED_TABLES[0]}"`]);
    await runUntilIdle(job);
    expect(vacuums).toEqual(PRUNED_TABLES.map((table) => `VACUUM "${table}"`));
    now += VACUUM_EVERY_MS - 1;
    await runUntilIdle(job);
    expect(vacuums).toHaveLength(PRUNED_TABLES.length);
    // At the job's next run after the hour.
    now += HISTORY_JOB_EVERY_MS;
    await runUntilIdle(job);
    expect(vacuums).toHaveLength(2 * PRUNED_TABLES.length);
  });

  it("vacuums nothing where the database vacuums itself", async () => {
    const database = await freshDatabase();
    const { prisma, vacuums } = recordingVacuums(database.prisma);
    const job = new HistoryJob({ prisma, now: () => NOW });
    await runUntilIdle(job);
    expect(vacuums).toEqual([]);
  });
});
