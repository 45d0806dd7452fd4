import { authenticateApiRequest, authorizeCredential } from "@/lib/api/authenticate";
import { errorResponse } from "@/lib/api/errors";
import { getPrisma } from "@/lib/db";
import { liveEventStreamResponse } from "@/lib/events/live-event-stream";

export const dynamic = "force-dynamic";

/** Server-sent events (lib/events/live-event-stream.ts); the stream's credentials are checked again every few seconds. */
export async function GET(request: Request) {
  try {
    const caller = await authenticateApiRequest(getPrisma(), request);
    return liveEventStreamResponse({
      access: caller.access,
      recheck: async () => (await authorizeCredential(getPrisma(), caller.credential)).access,
      signal: request.signal,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
