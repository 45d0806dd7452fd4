import type { Database } from "../db/client";
import { Poller, type PollerOptions } from "./poller";
import { postgresLeadership, singleProcessLeadership, type Leadership } from "./leadership";
import { whileLeading } from "./while-leading";

export interface RunningPoller {
  stop(): Promise<void>;
}

/** Runs poll cycles (while this instance holds the election on PostgreSQL) until stopped. */
export function runPoller(options: PollerOptions & { database: Database; leadership?: Leadership }): RunningPoller {
  const log = options.log ?? ((line: string) => console.log(line));
  const leadership =
    options.leadership ??
    (options.database.target.kind === "postgres" ? postgresLeadership(options.database.target.url) : singleProcessLeadership());

  const loop = whileLeading(leadership, log, async (term) => {
    log(`Poller started: ${options.source.describe()}, every ${Math.round(options.pollIntervalMs / 1000)} s`);
    let poller = new Poller(options);
    while (term.active()) {
      try {
        await poller.runCycle();
      } catch (error) {
        log(`Poll cycle failed: ${(error as Error).message}`);
        poller = new Poller(options);
      }
      if (!term.active()) break;
      await term.sleep(poller.nextDelayMs());
    }
  });

  return {
    async stop() {
      await loop.stop();
      await options.source.close();
    },
  };
}
