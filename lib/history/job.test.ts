import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { HISTORY_JOB_EVERY_MS, HistoryJob } from "./job";

describe("the history job's schedule", () => {
  it("logs a failing run instead of throwing, and waits its interval before trying again", async () => {
    let upserts = 0;
    const prisma = {
      historySettings: {
        upsert: () => {
          upserts++;
          return Promise.reject(new Error("database gone"));
        },
      },
    } as unknown as PrismaClient;
    const lines: string[] = [];
    let now = 1_000_000;
    const job = new HistoryJob({ prisma, now: () => now, log: (line) => lines.push(line) });
    await job.runIfDue();
    expect(lines).toEqual(["History job failed: database gone"]);
    now += HISTORY_JOB_EVERY_MS - 1;
    await job.runIfDue();
    expect(upserts).toBe(1);
    now += 1;
    await job.runIfDue();
    expect(upserts).toBe(2);
  });
});
