import { describe, expect, it } from "vitest";
import { judgeMigrations, judgePoller, pendingMigrations, readinessReport, stalenessThresholdSeconds, type PollerLeader } from "./judge-readiness";

const NOW = Date.parse("2026-12-05T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(NOW - seconds * 1000);
const lock: PollerLeader = { via: "advisory-lock", backendPid: 4711 };

describe("stalenessThresholdSeconds", () => {
  it.each([
    [1, undefined, 60],
    [10, undefined, 60],
    [20, undefined, 60],
    [30, undefined, 90],
    [600, undefined, 1800],
    [1, 15, 15],
    [600, 120, 120],
  ])("poll interval %s s, configured %s → %s s", (interval, configured, expected) => {
    expect(stalenessThresholdSeconds(interval, configured)).toBe(expected);
  });
});

describe("migrations", () => {
  it("lists shipped migrations the database lacks, in name order", () => {
    expect(pendingMigrations(["20260102_b", "20260101_a", "20260103_c"], ["20260101_a"])).toEqual(["20260102_b", "20260103_c"]);
  });

  it("is ready when the database has every shipped migration, even ones this version does not know", () => {
    expect(judgeMigrations(["a", "b"], ["a", "b", "c_from_a_newer_version"])).toEqual({ ok: true, pending: [], detail: "all applied" });
  });

  it("is not ready with one pending migration", () => {
    expect(judgeMigrations(["a", "b"], ["a"])).toEqual({ ok: false, pending: ["b"], detail: "1 migration(s) not applied" });
  });
});

describe("judgePoller", () => {
  it("is ready when a leader polled successfully within the threshold", () => {
    expect(judgePoller({ leader: lock, lastSuccessAt: secondsAgo(12.7), now: NOW, thresholdSeconds: 60 })).toEqual({
      ok: true,
      leader: lock,
      lastSuccessAt: "2026-12-05T11:59:47.300Z",
      ageSeconds: 12,
      thresholdSeconds: 60,
      detail: "last successful poll cycle 12 s ago",
    });
  });

  it("is ready exactly at the threshold and not one second past it", () => {
    expect(judgePoller({ leader: lock, lastSuccessAt: secondsAgo(60), now: NOW, thresholdSeconds: 60 }).ok).toBe(true);
    const stale = judgePoller({ leader: lock, lastSuccessAt: secondsAgo(61), now: NOW, thresholdSeconds: 60 });
    expect(stale).toMatchObject({ ok: false, ageSeconds: 61, detail: "last successful poll cycle 61 s ago, more than 60 s" });
  });

  it("is not ready without a leader, however fresh the last cycle", () => {
    expect(judgePoller({ leader: null, lastSuccessAt: secondsAgo(1), now: NOW, thresholdSeconds: 60 })).toMatchObject({
      ok: false,
      leader: null,
      ageSeconds: 1,
      detail: "no poller holds the election",
    });
  });

  it("is not ready before the first successful cycle", () => {
    expect(judgePoller({ leader: { via: "this-process" }, lastSuccessAt: null, now: NOW, thresholdSeconds: 60 })).toMatchObject({
      ok: false,
      lastSuccessAt: null,
      ageSeconds: null,
      detail: "no successful poll cycle yet",
    });
  });

  it("counts a cycle stamped slightly in the future (clock skew between hosts) as age 0", () => {
    expect(judgePoller({ leader: lock, lastSuccessAt: secondsAgo(-3), now: NOW, thresholdSeconds: 60 })).toMatchObject({ ok: true, ageSeconds: 0 });
  });
});

describe("readinessReport", () => {
  const database = { ok: true, detail: "PostgreSQL answers" };
  const migrations = judgeMigrations(["a"], ["a"]);
  const poller = judgePoller({ leader: lock, lastSuccessAt: secondsAgo(1), now: NOW, thresholdSeconds: 60 });

  it("is ready only when every check is", () => {
    expect(readinessReport({ database, migrations, poller }).ready).toBe(true);
    expect(readinessReport({ database: { ok: false, detail: "database unreachable" }, migrations, poller }).ready).toBe(false);
    expect(readinessReport({ database, migrations: judgeMigrations(["a", "b"], ["a"]), poller }).ready).toBe(false);
    expect(readinessReport({ database, migrations, poller: { ...poller, ok: false } }).ready).toBe(false);
  });
});
