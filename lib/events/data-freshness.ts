import type { Database } from "../db/client";
import { isDatabaseUnavailable } from "../db/unavailable";
import { subscribeToLiveEvents } from "./live-events";

/**
 * Told to every open event stream: `stale` when the monitoring source stops answering (the
 * poller's staleSince) or the application database cannot be reached, `fresh` when it recovers.
 * Neither carries the source's error text: that is for administrators (the poll event).
 */
export type FreshnessEvent =
  | { type: "stale"; reason: "source" | "database"; since: number; message: string }
  | { type: "fresh"; at: number };

export interface FreshnessMonitor {
  /** Listens; a listener that joins while the data is stale is told so at once. */
  subscribe(listener: (event: FreshnessEvent) => void): () => void;
  /** Resolves when the check in progress (if any) has finished. */
  settled(): Promise<void>;
  stop(): void;
}

export interface FreshnessMonitorOptions {
  /** How often the database is asked while someone listens. */
  intervalMs?: number;
  /** A check that takes longer than this counts as the database not answering. */
  timeoutMs?: number;
  now?: () => number;
}

const DATABASE_UNREACHABLE = "The dashboard's database cannot be reached; what is shown may be out of date";

class CheckTimedOut extends Error {
  readonly code = "ETIMEDOUT";
}

/** One check loop for all of a process's streams; it runs only while someone listens. */
export function createFreshnessMonitor(database: Pick<Database, "prisma">, options: FreshnessMonitorOptions = {}): FreshnessMonitor {
  const { intervalMs = 5_000, timeoutMs = 5_000, now = Date.now } = options;
  const listeners = new Set<(event: FreshnessEvent) => void>();
  let current: FreshnessEvent | null = null;
  let databaseDownSince: number | null = null;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopListeningForPolls: (() => void) | null = null;

  const announce = (next: FreshnessEvent) => {
    const unchanged = current?.type === next.type && (next.type === "fresh" || (current?.type === "stale" && current.reason === next.reason && current.since === next.since));
    if (unchanged || (current === null && next.type === "fresh")) {
      current = next;
      return;
    }
    current = next;
    for (const listener of listeners) listener(next);
  };

  const readStaleSince = async (): Promise<number | null> => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    try {
      const status = await Promise.race([
        database.prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { staleSince: true } }),
        new Promise<never>((_, reject) => (timeout = setTimeout(() => reject(new CheckTimedOut("the database did not answer")), timeoutMs))),
      ]);
      return status?.staleSince?.getTime() ?? null;
    } finally {
      clearTimeout(timeout);
    }
  };

  const check = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        const staleSince = await readStaleSince();
        databaseDownSince = null;
        announce(
          staleSince === null
            ? { type: "fresh", at: now() }
            : { type: "stale", reason: "source", since: staleSince, message: `Monitoring data is stale since ${new Date(staleSince).toISOString()}` },
        );
      } catch (error) {
        if (!isDatabaseUnavailable(error)) return;
        databaseDownSince ??= now();
        announce({ type: "stale", reason: "database", since: databaseDownSince, message: DATABASE_UNREACHABLE });
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const start = () => {
    void check();
    timer = setInterval(() => void check(), intervalMs);
    stopListeningForPolls = subscribeToLiveEvents((event) => {
      if (event.type === "poll") void check();
    });
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    stopListeningForPolls?.();
    timer = null;
    stopListeningForPolls = null;
    current = null;
    databaseDownSince = null;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) start();
      else if (current?.type === "stale") listener(current);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    settled: async () => {
      await inFlight;
    },
    stop() {
      listeners.clear();
      stop();
    },
  };
}

const globalForFreshness = globalThis as typeof globalThis & { bsmFreshnessMonitor?: FreshnessMonitor };

/** The process's monitor over its own database (see lib/db). */
export function watchDataFreshness(database: Pick<Database, "prisma">, listener: (event: FreshnessEvent) => void): () => void {
  globalForFreshness.bsmFreshnessMonitor ??= createFreshnessMonitor(database);
  return globalForFreshness.bsmFreshnessMonitor.subscribe(listener);
}

/** One server-sent event. */
export function formatFreshnessEvent(event: FreshnessEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
