/**
 * Failed sign-ins per key (an e-mail address, a client address) in a sliding window. Kept in the
 * process: with several app instances each limits on its own, which still bounds guessing.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  isBlocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.forgetOld(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  private forgetOld(now: number): void {
    for (const [key, times] of this.failures) if (times.every((at) => now - at >= this.windowMs)) this.failures.delete(key);
  }
}

const WINDOW_MS = 15 * 60_000;
const globalForLimits = globalThis as typeof globalThis & { bsmSignInLimits?: { byEmail: FailureLimiter; byClient: FailureLimiter } };

/** Five wrong passwords for one account, or thirty from one client, in 15 minutes block sign-in there. */
export function signInLimits() {
  globalForLimits.bsmSignInLimits ??= { byEmail: new FailureLimiter(5, WINDOW_MS), byClient: new FailureLimiter(30, WINDOW_MS) };
  return globalForLimits.bsmSignInLimits;
}
