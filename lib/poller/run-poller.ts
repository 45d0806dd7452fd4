import type { Database } from "../db/client";
import { lineLogger, logFor } from "../log";
import { ChangeSignal } from "./change-signal";
import { Poller, type PollerOptions } from "./poller";
import { postgresLeadership, singleProcessLeadership, type Leadership } from "./leadership";
import { whileLeading } from "./while-leading";
import { startSourceActionExecutor } from "../source-actions/executor";
import { HistoryJob } from "../history/job";

export interface RunningPoller {
  stop(): Promise<void>;
}

export interface RunPollerOptions extends PollerOptions {
  database: Database;
  leadership?: Leadership;
  /** When the source can push (`watch`), how long a burst of changes may gather before the early cycle. Default 100 ms. */
  changeDebounceMs?: number;
}

/**
 * Runs poll cycles (while this instance holds the election on PostgreSQL) until stopped. A source
 * that can push wakes the loop early; cycles never overlap, and the interval stays the safety net.
 */
export function runPoller(options: RunPollerOptions): RunningPoller {
  const log = options.log ?? lineLogger(logFor("poller"));
  const leadership =
    options.leadership ??
    (options.database.target.kind === "postgres" ? postgresLeadership(options.database.target.url) : singleProcessLeadership());

  const loop = whileLeading(leadership, log, async (term) => {
    log(`Poller started: ${options.source.describe()}, every ${Math.round(options.pollIntervalMs / 1000)} s`);
    const changes = new ChangeSignal(options.changeDebounceMs ?? 100, () => term.wake());
    const stopWatching = options.source.watch?.(() => changes.notify());
    // Acknowledgements and downtime asked for by users: only the leader sends them; a sent one makes the next poll come early.
    const actions = startSourceActionExecutor({ prisma: options.database.prisma, source: options.source, log, now: options.now, onSent: () => changes.notify() });
    let poller = new Poller(options);
    // Roll-ups, checkpoints and pruning: between cycles, a bounded piece per run; its time comes off the wait.
    const history = new HistoryJob({ prisma: options.database.prisma, now: options.now, log, vacuum: options.database.target.kind === "pglite" });
    try {
      while (term.active()) {
        changes.take();
        try {
          await poller.runCycle();
        } catch (error) {
          log(`Poll cycle failed: ${(error as Error).message}`, "error");
          poller = new Poller(options);
        }
        actions.wake();
        if (!term.active()) break;
        const historyStartedAt = performance.now();
        await history.runIfDue();
        if (!term.active()) break;
        if (!changes.isDue()) await term.sleep(Math.max(0, poller.nextDelayMs() - (performance.now() - historyStartedAt)));
      }
    } finally {
      await actions.stop();
      stopWatching?.();
      changes.close();
    }
  });

  return {
    async stop() {
      await loop.stop();
      await options.source.close();
    },
  };
}
