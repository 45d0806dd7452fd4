import { handleApiRequest } from "@/lib/api/handler";
import { parseListPaging } from "@/lib/api/list-query";
import { listHostTemplates } from "@/lib/config";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => Response.json(await listHostTemplates(prisma, access, parseListPaging(url))));
}
