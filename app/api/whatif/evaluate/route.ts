import { handleApiRequest } from "@/lib/api/handler";
import { evaluateWhatIfForUser } from "@/lib/whatif/scenarios";

export const dynamic = "force-dynamic";

/** What the estate would look like after the changes; nothing is written (read-only tokens may ask). */
export function POST(request: Request) {
  return handleApiRequest(
    request,
    async (context) => Response.json(await evaluateWhatIfForUser(context, context.body), { headers: { "Cache-Control": "no-store" } }),
    { readsOnly: true },
  );
}
