import { handleApiRequest } from "@/lib/api/handler";
import { evaluateWhatIfForUser } from "@/lib/whatif/scenarios";
import { parseOrThrow } from "@/lib/whatif/changes";
import { z } from "zod";

export const dynamic = "force-dynamic";

const evaluateSchema = z.strictObject({ changes: z.unknown() });

/** What the estate would look like after the changes; nothing is written (read-only tokens may ask). */
export function POST(request: Request) {
  return handleApiRequest(
    request,
    async (context) => {
      const { changes } = parseOrThrow(evaluateSchema, await context.body.read());
      return Response.json(await evaluateWhatIfForUser(context, changes), { headers: { "Cache-Control": "no-store" } });
    },
    { readsOnly: true },
  );
}
