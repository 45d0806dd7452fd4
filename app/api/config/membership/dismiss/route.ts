import { handleApiRequest } from "@/lib/api/handler";
import { dismissMembershipChanges } from "@/lib/membership";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleApiRequest(request, async (context) => Response.json(await dismissMembershipChanges(context, context.body)));
}
