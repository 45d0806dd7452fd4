import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../time/calendar";
import { checkpointRowsOf, nextCheckpoint, pruneCutoff, rollUpChunk, splitObjectKey } from "./job-plan";

const DAY0 = Date.UTC(2026, 11, 1);
const options = { settleMs: 5 * 60_000, chunkMs: DAY_MS };
const fresh = { retentionDays: 400, rolledUpTo: null, checkpointedTo: null };

describe("the history job's next step", () => {
  it("rolls up from the hour of the earliest check history, a day at a time", () => {
    expect(rollUpChunk(fresh, DAY0 + 90 * 60_000, DAY0 + 3 * DAY_MS, options)).toEqual({ from: DAY0 + HOUR_MS, to: DAY0 + DAY_MS + HOUR_MS });
  });

  it("stops at the whole hour five minutes before now", () => {
    const progress = { ...fresh, rolledUpTo: DAY0 + 10 * HOUR_MS };
    expect(rollUpChunk(progress, null, DAY0 + 12 * HOUR_MS + 4 * 60_000, options)).toEqual({ from: DAY0 + 10 * HOUR_MS, to: DAY0 + 11 * HOUR_MS });
    expect(rollUpChunk({ ...progress, rolledUpTo: DAY0 + 11 * HOUR_MS }, null, DAY0 + 12 * HOUR_MS + 4 * 60_000, options)).toBeNull();
  });

  it("starts no further back than the retention, and not at all without history", () => {
    const now = DAY0 + 500 * DAY_MS + 30 * 60_000;
    expect(rollUpChunk(fresh, DAY0, now, options)?.from).toBe(now - 30 * 60_000 - 400 * DAY_MS);
    expect(rollUpChunk(fresh, null, now, options)).toBeNull();
  });

  it("checkpoints each UTC midnight up to today's, the first after the earliest transition", () => {
    expect(nextCheckpoint(fresh, DAY0 + 5 * HOUR_MS, DAY0 + 3 * DAY_MS + HOUR_MS)).toBe(DAY0 + DAY_MS);
    expect(nextCheckpoint({ ...fresh, checkpointedTo: DAY0 + 2 * DAY_MS }, null, DAY0 + 3 * DAY_MS + HOUR_MS)).toBe(DAY0 + 3 * DAY_MS);
    expect(nextCheckpoint({ ...fresh, checkpointedTo: DAY0 + 3 * DAY_MS }, null, DAY0 + 3 * DAY_MS + HOUR_MS)).toBeNull();
    expect(nextCheckpoint(fresh, null, DAY0)).toBeNull();
  });

  it("prunes what is older than the retention", () => {
    expect(pruneCutoff(400, DAY0 + 401 * DAY_MS)).toBe(DAY0 + DAY_MS);
  });

  it("stores in a checkpoint only objects not OPERATIONAL or with a flag, plus the marker", () => {
    const rows = checkpointRowsOf(
      new Map([
        ["COMPONENT:1", { state: "OPERATIONAL" as const, acknowledged: false, impacted: false }],
        ["COMPONENT:2", { state: "OPERATIONAL" as const, acknowledged: false, impacted: true }],
        ["COMPONENT_HOST:3:web:01", { state: "FAILED" as const, acknowledged: true, impacted: false }],
      ]),
    );
    expect(rows.map((row) => `${row.objectType}|${row.objectKey}`)).toEqual(["BUSINESS_SERVICE|", "COMPONENT|2", "COMPONENT_HOST|3:web:01"]);
    expect(splitObjectKey("COMPONENT_HOST:7:web-01")).toEqual({ objectType: "COMPONENT_HOST", objectKey: "7:web-01" });
  });
});
