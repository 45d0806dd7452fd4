import type { LogLine } from "../log";
import type { Leadership } from "./leadership";

/** One term of leadership: ends when the lock is lost or the loop is stopped. */
export interface LeadershipTerm {
  /** True while this instance leads and has not been stopped. */
  active(): boolean;
  /** Waits ms, or less when the term ends or wake() is called meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Ends the current sleep early; does nothing when not sleeping. */
  wake(): void;
}

export interface LeadershipLoop {
  /** Ends the current term, releases the lock and waits for `lead` to return. */
  stop(): Promise<void>;
}

/**
 * Runs `lead` for every term this instance wins, until stopped. Losing the lock (its connection
 * dropped) ends the term and sends the instance back to the election: another instance may lead
 * meanwhile, so `lead` must start afresh on each term.
 */
export function whileLeading(
  leadership: Leadership,
  log: LogLine,
  lead: (term: LeadershipTerm) => Promise<void>,
): LeadershipLoop {
  let stopped = false;
  let lost = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const interrupt = () => {
    if (timer) clearTimeout(timer);
    wake?.();
  };
  const term: LeadershipTerm = {
    active: () => !stopped && !lost,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, ms);
      }),
    wake: interrupt,
  };

  leadership.onLost(() => {
    if (stopped) return;
    log("Poller lost its database lock; waiting to poll again", "warn");
    lost = true;
    interrupt();
  });

  const loop = async () => {
    while (!stopped) {
      await leadership.acquired();
      if (stopped) return;
      lost = false;
      await lead(term);
    }
  };
  const running = loop().catch((error: Error) => log(`Poller stopped on an error: ${error.message}`, "error"));

  return {
    async stop() {
      stopped = true;
      interrupt();
      await leadership.release();
      await running;
    },
  };
}
