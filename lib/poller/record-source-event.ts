import type { Database } from "../db/client";
import { lineLogger, logFor, type LogLine } from "../log";
import type { SourceEvent } from "../sources/types";
import { utcFromEpochMs } from "../db/sql-time";

/** Stores a source event (failover, failback, …) so the UI can show it. Never throws. */
export async function recordSourceEvent(database: Database, event: SourceEvent, log: LogLine = lineLogger(logFor("source"))): Promise<void> {
  log(`Source ${event.kind}: ${event.message}`, event.kind === "error" ? "warn" : "info");
  try {
    await database.withConnection((connection) =>
      connection.query(
        `INSERT INTO "SourceEvent" (at, kind, message) VALUES (${utcFromEpochMs("$1")}, $2, $3)`,
        [event.at, event.kind, event.message],
      ),
    );
  } catch (error) {
    log(`Could not record a source event: ${(error as Error).message}`, "error");
  }
}
