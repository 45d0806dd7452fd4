import { handleApiRequest } from "@/lib/api/handler";
import { applyMembershipChanges } from "@/lib/membership";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleApiRequest(request, async (context) => Response.json(await applyMembershipChanges(context, context.body)));
}
