import { authorizeCredential } from "@/lib/api/authenticate";
import { handleApiRequest } from "@/lib/api/handler";
import { getDatabase, getPrisma } from "@/lib/db";
import { formatFreshnessEvent, watchDataFreshness } from "@/lib/events/data-freshness";
import { liveEventStreamResponse } from "@/lib/events/live-event-stream";

export const dynamic = "force-dynamic";

/**
 * Server-sent events (lib/events/live-event-stream.ts): status changes, poll results and stale/fresh
 * notices; the stream's credentials are checked again every few seconds.
 */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ access, credential }) =>
    liveEventStreamResponse({
      access,
      recheck: async () => (await authorizeCredential(getPrisma(), credential, "GET")).access,
      watch: (send) => watchDataFreshness(getDatabase(), (event) => send(formatFreshnessEvent(event))),
      signal: request.signal,
    }),
  );
}
