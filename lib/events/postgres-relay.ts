import pg from "pg";
import type { SqlConnection } from "../db/sql";
import { lineLogger, logFor, type LogLine } from "../log";
import { emitLiveEvent, type LiveEvent } from "./live-events";

export const LIVE_EVENTS_CHANNEL = "bsm_live_events";
// NOTIFY payloads must stay under 8000 bytes; larger events are split into several.
const MAX_PAYLOAD_BYTES = 7000;

/** Splits an event into NOTIFY-sized payloads (bsm events by their changes). */
export function toNotifyPayloads(event: LiveEvent): string[] {
  const whole = JSON.stringify(event);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES || event.type !== "bsm" || event.changes.length <= 1) return [whole];
  const half = Math.ceil(event.changes.length / 2);
  return [
    ...toNotifyPayloads({ ...event, changes: event.changes.slice(0, half) }),
    ...toNotifyPayloads({ ...event, changes: event.changes.slice(half) }),
  ];
}

export async function notifyLiveEvent(connection: SqlConnection, event: LiveEvent): Promise<void> {
  for (const payload of toNotifyPayloads(event)) {
    await connection.query("SELECT pg_notify($1, $2)", [LIVE_EVENTS_CHANNEL, payload]);
  }
}

/**
 * Relays events from any process on this PostgreSQL database (the elected poller) to this
 * process's subscribers. Reconnects when the connection drops.
 */
export function startPostgresEventRelay(url: string, log: LogLine = lineLogger(logFor("web"))): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel !== LIVE_EVENTS_CHANNEL || !message.payload) return;
      try {
        emitLiveEvent(JSON.parse(message.payload) as LiveEvent);
      } catch {
        log(`Ignored a malformed live event: ${message.payload.slice(0, 200)}`, "warn");
      }
    });
    next.on("error", () => scheduleReconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
      client = next;
    } catch (error) {
      log(`Live events: cannot listen on PostgreSQL (${(error as Error).message}); retrying`, "warn");
      await next.end().catch(() => undefined);
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (stopped || retry) return;
    client?.end().catch(() => undefined);
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 2000);
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
