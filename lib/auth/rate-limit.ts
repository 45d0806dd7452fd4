/**
 * Sign-in throttling that slows guessing without letting anyone lock an account out:
 * - per account and client, the first few wrong passwords are free, then each one makes that
 *   client wait twice as long for that account (up to a cap) — another client is not affected;
 * - per client, across accounts, too many failures in a window block that client only.
 * Kept in the process: with several app instances each throttles on its own, which still bounds guessing.
 */
export interface ThrottleOptions {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  clientMaxFailures: number;
  clientWindowMs: number;
}

const MAX_KEYS = 10_000;

export class SignInThrottle {
  private readonly pairs = new Map<string, { failures: number; lastAt: number }>();
  private readonly clients = new Map<string, number[]>();

  constructor(private readonly options: ThrottleOptions) {}

  /** How long this client must wait before it may try this account again (0: now). */
  waitMs(account: string, client: string, now: number): number {
    const recent = this.recentClientFailures(client, now);
    const clientWait = recent.length >= this.options.clientMaxFailures ? recent[recent.length - this.options.clientMaxFailures]! + this.options.clientWindowMs - now : 0;
    const pair = this.livePair(account, client, now);
    const pairWait = pair ? Math.max(0, pair.lastAt + this.delayAfter(pair.failures) - now) : 0;
    return Math.max(clientWait, pairWait);
  }

  recordFailure(account: string, client: string, now: number): void {
    const pair = this.livePair(account, client, now);
    this.pairs.set(pairKey(account, client), { failures: (pair?.failures ?? 0) + 1, lastAt: now });
    this.clients.set(client, [...this.recentClientFailures(client, now), now]);
    if (this.pairs.size > MAX_KEYS || this.clients.size > MAX_KEYS) this.forgetOld(now);
  }

  recordSuccess(account: string, client: string): void {
    this.pairs.delete(pairKey(account, client));
  }

  private delayAfter(failures: number): number {
    if (failures <= this.options.freeFailures) return 0;
    return Math.min(this.options.firstDelayMs * 2 ** (failures - this.options.freeFailures - 1), this.options.maxDelayMs);
  }

  /** A pair's failures, unless it has been quiet for as long as the longest delay. */
  private livePair(account: string, client: string, now: number) {
    const pair = this.pairs.get(pairKey(account, client));
    return pair && now - pair.lastAt < this.options.maxDelayMs ? pair : undefined;
  }

  private recentClientFailures(client: string, now: number): number[] {
    return (this.clients.get(client) ?? []).filter((at) => now - at < this.options.clientWindowMs);
  }

  private forgetOld(now: number): void {
    for (const [key, pair] of this.pairs) if (now - pair.lastAt >= this.options.maxDelayMs) this.pairs.delete(key);
    for (const [client] of this.clients) if (this.recentClientFailures(client, now).length === 0) this.clients.delete(client);
  }
}

function pairKey(account: string, client: string): string {
  return `${account}\n${client}`;
}

const globalForThrottle = globalThis as typeof globalThis & { bsmSignInThrottle?: SignInThrottle };

/**
 * Three free wrong passwords per account and client, then waits of 1 s, 2 s, 4 s … up to 15 minutes;
 * thirty failures from one client in 15 minutes block that client.
 */
export function signInThrottle(): SignInThrottle {
  globalForThrottle.bsmSignInThrottle ??= new SignInThrottle({
    freeFailures: 3,
    firstDelayMs: 1000,
    maxDelayMs: 15 * 60_000,
    clientMaxFailures: 30,
    clientWindowMs: 15 * 60_000,
  });
  return globalForThrottle.bsmSignInThrottle;
}
