import { ForbiddenError, UnauthenticatedError } from "../errors/app-error";
import type { Access } from "../auth/access";
import { filterLiveEvent } from "../auth/filter-live-event";
import { appMetrics } from "../metrics/app-metrics";
import { onLiveStreamsClosed, subscribeToLiveEvents, type LiveEvent } from "./live-events";

/**
 * A named event (not a comment) so that a browser can tell a silent stream from a lost one: the
 * page counts a stream that says nothing for two heartbeats and a margin as lost
 * (components/live/live-events-provider.tsx). A stream that closes is noticed at once.
 */
export const HEARTBEAT_MS = 5_000;
/**
 * The stream's credentials (session version, token, user, BSM access) are checked again this
 * often; the fresh access also brings new services and changed roles to the stream.
 */
export const CREDENTIAL_RECHECK_MS = 5_000;

export interface LiveEventStreamOptions {
  /** Access when the stream opened. */
  access: Access;
  /** Checks the credentials again: the current access, or a throw when they no longer hold. */
  recheck: () => Promise<Access>;
  /** Another source of messages for the stream (already formatted); returns its unsubscribe. */
  watch?: (send: (text: string) => void) => () => void;
  /** The client went away. */
  signal: AbortSignal;
  recheckMs?: number;
  heartbeatMs?: number;
}

/**
 * Server-sent events: the status changes the user may see, and poll results, as they happen.
 * The stream ends within a recheck interval once its credentials fail (a revoked token, an ended
 * session, a deleted user, lost BSM access); a check that fails for another reason (the database
 * is down) keeps the stream and the access it had.
 */
export function liveEventStreamResponse({ access: initialAccess, recheck, watch, signal, recheckMs = CREDENTIAL_RECHECK_MS, heartbeatMs = HEARTBEAT_MS }: LiveEventStreamOptions): Response {
  const encoder = new TextEncoder();
  let access = initialAccess;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      send(": connected\n\n");
      const unsubscribe = subscribeToLiveEvents((event: LiveEvent) => {
        const visible = filterLiveEvent(access, event);
        if (visible) send(`event: ${visible.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      });
      const stopWatching = watch?.(send) ?? (() => {});
      const heartbeat = setInterval(() => send(`event: heartbeat\ndata: {"at":${Date.now()}}\n\n`), heartbeatMs);
      let checking = false;
      const credentialCheck = setInterval(() => {
        if (checking) return;
        checking = true;
        recheck()
          .then(
            (fresh) => (access = fresh),
            (error: unknown) => {
              if (isRefusal(error)) close();
            },
          )
          .finally(() => (checking = false));
      }, recheckMs);
      const stopListeningForClose = onLiveStreamsClosed(close);
      const clients = appMetrics().eventStreamClients;
      clients.inc();
      let counted = true;
      cleanup = () => {
        if (counted) clients.dec();
        counted = false;
        clearInterval(heartbeat);
        clearInterval(credentialCheck);
        unsubscribe();
        stopWatching();
        stopListeningForClose();
      };
      signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" },
  });
}

/** A 401/403 answer, as opposed to a failure to check at all. */
function isRefusal(error: unknown): boolean {
  return error instanceof UnauthenticatedError || error instanceof ForbiddenError;
}
