import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./rate-limit";

const SECOND = 1000;
const options = { freeFailures: 3, firstDelayMs: SECOND, maxDelayMs: 60 * SECOND, clientMaxFailures: 10, clientWindowMs: 600 * SECOND };

function fail(throttle: SignInThrottle, account: string, client: string, times: number, at: number) {
  for (let i = 0; i < times; i++) throttle.recordFailure(account, client, at);
}

describe("SignInThrottle", () => {
  it("lets the first few wrong passwords through, then makes one account from one client wait longer and longer", () => {
    const throttle = new SignInThrottle({ ...options, clientMaxFailures: 1000 });
    fail(throttle, "admin@x", "1.1.1.1", 3, 0);
    expect(throttle.waitMs("admin@x", "1.1.1.1", 0)).toBe(0);
    const waits = [];
    for (let failure = 4; failure <= 12; failure++) {
      const at = failure;
      throttle.recordFailure("admin@x", "1.1.1.1", at);
      waits.push(throttle.waitMs("admin@x", "1.1.1.1", at));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((seconds) => seconds * SECOND));
  });

  it("the wait ends: after it the same client may try again", () => {
    const throttle = new SignInThrottle(options);
    fail(throttle, "admin@x", "1.1.1.1", 5, 0);
    expect(throttle.waitMs("admin@x", "1.1.1.1", SECOND)).toBe(SECOND);
    expect(throttle.waitMs("admin@x", "1.1.1.1", 2 * SECOND)).toBe(0);
  });

  it("failures from one client never delay the same account from another client (no lock-out)", () => {
    const throttle = new SignInThrottle({ ...options, clientMaxFailures: 1000 });
    fail(throttle, "admin@x", "6.6.6.6", 500, 0);
    expect(throttle.waitMs("admin@x", "6.6.6.6", 0)).toBeGreaterThan(0);
    expect(throttle.waitMs("admin@x", "1.1.1.1", 0)).toBe(0);
  });

  it("blocks a client trying many accounts once it reaches its limit within the window, and only that client", () => {
    const throttle = new SignInThrottle(options);
    for (let i = 0; i < 10; i++) {
      expect(throttle.waitMs(`user${i}@x`, "6.6.6.6", i)).toBe(0);
      throttle.recordFailure(`user${i}@x`, "6.6.6.6", i);
    }
    expect(throttle.waitMs("fresh@x", "6.6.6.6", 10)).toBe(600 * SECOND - 10);
    expect(throttle.waitMs("fresh@x", "1.1.1.1", 10)).toBe(0);
    expect(throttle.waitMs("fresh@x", "6.6.6.6", 600 * SECOND)).toBe(0);
  });

  it("a successful sign-in clears that account's delay for that client", () => {
    const throttle = new SignInThrottle(options);
    fail(throttle, "admin@x", "1.1.1.1", 6, 0);
    throttle.recordSuccess("admin@x", "1.1.1.1");
    expect(throttle.waitMs("admin@x", "1.1.1.1", 0)).toBe(0);
    throttle.recordFailure("admin@x", "1.1.1.1", 0);
    expect(throttle.waitMs("admin@x", "1.1.1.1", 0)).toBe(0);
  });

  it("forgets an account's failures after a quiet period as long as the longest delay", () => {
    const throttle = new SignInThrottle(options);
    fail(throttle, "admin@x", "1.1.1.1", 8, 0);
    throttle.recordFailure("admin@x", "1.1.1.1", 60 * SECOND + 1);
    expect(throttle.waitMs("admin@x", "1.1.1.1", 60 * SECOND + 1)).toBe(0);
  });
});
