import { handleApiRequest } from "@/lib/api/handler";
import { listMembershipChanges } from "@/lib/membership";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access }) => Response.json({ list: await listMembershipChanges(prisma, access) }));
}
