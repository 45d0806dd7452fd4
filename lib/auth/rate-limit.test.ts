import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks a key after the allowed failures within the window and frees it once they age out", () => {
    const limiter = new FailureLimiter(3, 1000);
    for (const at of [0, 100, 200]) {
      expect(limiter.isBlocked("a@x", at)).toBe(false);
      limiter.recordFailure("a@x", at);
    }
    expect(limiter.isBlocked("a@x", 300)).toBe(true);
    expect(limiter.isBlocked("b@x", 300)).toBe(false);
    expect(limiter.isBlocked("a@x", 1001)).toBe(false);
  });

  it("a reset (successful sign-in) clears the failures", () => {
    const limiter = new FailureLimiter(1, 1000);
    limiter.recordFailure("a@x", 0);
    expect(limiter.isBlocked("a@x", 1)).toBe(true);
    limiter.reset("a@x");
    expect(limiter.isBlocked("a@x", 2)).toBe(false);
  });
});
