import { authenticateApiRequest } from "@/lib/api/authenticate";
import { errorResponse } from "@/lib/api/errors";
import type { Access } from "@/lib/auth/access";
import { filterLiveEvent } from "@/lib/auth/filter-live-event";
import { loadAccess } from "@/lib/auth/load-access";
import { getDatabase, getPrisma } from "@/lib/db";
import { formatFreshnessEvent, watchDataFreshness } from "@/lib/events/data-freshness";
import { onLiveStreamsClosed, subscribeToLiveEvents, type LiveEvent } from "@/lib/events/live-events";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
/** Access is reloaded this often, so new services and changed roles reach open streams. */
const ACCESS_REFRESH_MS = 30_000;

/** Server-sent events: the status changes the user may see, and poll results, as they happen. */
export async function GET(request: Request) {
  let access: Access;
  let userId: string;
  try {
    const caller = await authenticateApiRequest(getPrisma(), request);
    access = caller.access;
    userId = caller.user.id;
  } catch (error) {
    return errorResponse(error);
  }

  const encoder = new TextEncoder();
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
      send(": connected\n\n");
      const unsubscribe = subscribeToLiveEvents((event: LiveEvent) => {
        const visible = filterLiveEvent(access, event);
        if (visible) send(`event: ${visible.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      });
      const stopFreshness = watchDataFreshness(getDatabase(), (event) => send(formatFreshnessEvent(event)));
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const accessRefresh = setInterval(() => {
        loadAccess(getPrisma(), userId).then(
          (fresh) => (access = fresh),
          () => {},
        );
      }, ACCESS_REFRESH_MS);
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const stopListeningForClose = onLiveStreamsClosed(close);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(accessRefresh);
        unsubscribe();
        stopFreshness();
        stopListeningForClose();
      };
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" },
  });
}
