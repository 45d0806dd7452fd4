import { describe, expect, it } from "vitest";

import { createFailedAttempt, type MethodAttempt } from "./methods/result";
import { computeRetryDelay, runWithRetries, type RetryPolicy } from "./retry";

const POLICY: RetryPolicy = { maxAttempts: 4, initialDelayMs: 1_000, backoffFactor: 3, maxDelayMs: 5_000 };
const RETRYABLE = createFailedAttempt("boom", true);
const SUCCESS: MethodAttempt = { ...RETRYABLE, ok: true, retryable: false, error: null, output: "done" };

describe("retry policy", () => {
  it.each<[number, MethodAttempt, number | null]>([
    [1, RETRYABLE, 1_000],
    [2, RETRYABLE, 3_000],
    [3, RETRYABLE, 5_000],
    [4, RETRYABLE, null],
    [1, SUCCESS, null],
    [1, createFailedAttempt("bad configuration", false), null],
  ])("after %i attempts ending %o waits %s", (attempts, last, delay) => {
    expect(computeRetryDelay(POLICY, attempts, last)).toBe(delay);
  });
});

describe("retry runner", () => {
  it("tries until success, sleeping with backoff in between", async () => {
    const sleeps: number[] = [];
    const outcomes = [RETRYABLE, RETRYABLE, SUCCESS];
    const result = await runWithRetries(
      async (attemptNumber) => outcomes[attemptNumber - 1],
      POLICY,
      async (milliseconds) => {
        sleeps.push(milliseconds);
      },
    );
    expect(result).toMatchObject({ status: "ok", attempts: 3, output: "done", error: null });
    expect(sleeps).toEqual([1_000, 3_000]);
  });

  it("gives up after the last attempt and reports the last error", async () => {
    const result = await runWithRetries(async () => RETRYABLE, POLICY, async () => undefined);
    expect(result).toMatchObject({ status: "failed", attempts: 4, error: "boom" });
    expect(result.history).toHaveLength(4);
  });

  it("turns a throwing attempt into a failure instead of throwing", async () => {
    const result = await runWithRetries(
      async () => {
        throw new Error("socket hang up");
      },
      { ...POLICY, maxAttempts: 2 },
      async () => undefined,
    );
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: "socket hang up" });
  });

  it("does not retry what cannot succeed", async () => {
    const result = await runWithRetries(async () => createFailedAttempt("no email address", false), POLICY);
    expect(result).toMatchObject({ status: "failed", attempts: 1 });
  });
});
