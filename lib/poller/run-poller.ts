import type { Database } from "../db/client";
import { Poller, type PollerOptions } from "./poller";
import { postgresLeadership, singleProcessLeadership, type Leadership } from "./leadership";

export interface RunningPoller {
  stop(): Promise<void>;
}

/** Runs poll cycles (while this instance holds the election on PostgreSQL) until stopped. */
export function runPoller(options: PollerOptions & { database: Database; leadership?: Leadership }): RunningPoller {
  const log = options.log ?? ((line: string) => console.log(line));
  const leadership =
    options.leadership ??
    (options.database.target.kind === "postgres" ? postgresLeadership(options.database.target.url) : singleProcessLeadership());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let running: Promise<void> = Promise.resolve();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  // Losing the lock (its connection dropped) sends this instance back to the election: another
  // instance may poll meanwhile, so on winning again the poller starts from the database afresh.
  let lost = false;
  leadership.onLost(() => {
    if (stopped) return;
    log("Poller lost its database lock; waiting to poll again");
    lost = true;
    wake?.();
  });

  const loop = async () => {
    while (!stopped) {
      await leadership.acquired();
      if (stopped) return;
      lost = false;
      log(`Poller started: ${options.source.describe()}, every ${Math.round(options.pollIntervalMs / 1000)} s`);
      let poller = new Poller(options);
      while (!stopped && !lost) {
        try {
          await poller.runCycle();
        } catch (error) {
          log(`Poll cycle failed: ${(error as Error).message}`);
          poller = new Poller(options);
        }
        if (stopped || lost) break;
        await sleep(poller.nextDelayMs());
      }
    }
  };
  running = loop().catch((error: Error) => log(`Poller stopped on an error: ${error.message}`));

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await leadership.release();
      await running;
      await options.source.close();
    },
  };
}
