import { handleApiRequest } from "@/lib/api/handler";
import { parseListPaging } from "@/lib/api/list-query";
import { listHosts } from "@/lib/config";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => {
    const hostTemplate = url.searchParams.get("hostTemplate")?.trim() || undefined;
    return Response.json(await listHosts(prisma, access, { ...parseListPaging(url), hostTemplate }));
  });
}
