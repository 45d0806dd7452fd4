import { authenticateApiRequest, authorizeCredential } from "@/lib/api/authenticate";
import { errorResponse } from "@/lib/api/errors";
import { getDatabase, getPrisma } from "@/lib/db";
import { formatFreshnessEvent, watchDataFreshness } from "@/lib/events/data-freshness";
import { liveEventStreamResponse } from "@/lib/events/live-event-stream";

export const dynamic = "force-dynamic";

/**
 * Server-sent events (lib/events/live-event-stream.ts): status changes, poll results and stale/fresh
 * notices; the stream's credentials are checked again every few seconds.
 */
export async function GET(request: Request) {
  try {
    const caller = await authenticateApiRequest(getPrisma(), request);
    return liveEventStreamResponse({
      access: caller.access,
      recheck: async () => (await authorizeCredential(getPrisma(), caller.credential, "GET")).access,
      watch: (send) => watchDataFreshness(getDatabase(), (event) => send(formatFreshnessEvent(event))),
      signal: request.signal,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
