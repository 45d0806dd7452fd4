import pg from "pg";

// Any fixed number works, as long as every instance on the database uses the same one.
export const POLLER_ADVISORY_LOCK = 4_242_017;

export interface Leadership {
  /** Resolves once this process holds the poller lock (at once for PGlite: one process per data directory). */
  acquired(): Promise<void>;
  /** Called when the lock is lost (the connection holding it dropped). */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

export function singleProcessLeadership(): Leadership {
  return { acquired: async () => undefined, onLost: () => undefined, release: async () => undefined };
}

/**
 * Elects one poller per PostgreSQL database with a session-level advisory lock held on a
 * dedicated connection; the other instances wait and try again, so one takes over when it dies.
 */
export function postgresLeadership(url: string, retryEveryMs = 15_000): Leadership {
  let client: pg.Client | null = null;
  let released = false;
  const lostListeners: (() => void)[] = [];
  return {
    async acquired() {
      while (!released) {
        const candidate = new pg.Client({ connectionString: url });
        try {
          await candidate.connect();
          const [row] = (await candidate.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [POLLER_ADVISORY_LOCK])).rows;
          if (row.locked) {
            client = candidate;
            // A dropped connection says so twice ("error", then "end"), possibly after this instance
            // has won again on a new one: only the connection holding the lock now may report a loss.
            const lose = () => {
              if (released || client !== candidate) return;
              client = null;
              lostListeners.forEach((listener) => listener());
            };
            candidate.on("error", lose);
            candidate.on("end", lose);
            return;
          }
        } catch {
          // the database is unreachable: try again later
        }
        await candidate.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
      }
    },
    onLost(listener) {
      lostListeners.push(listener);
    },
    async release() {
      released = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
