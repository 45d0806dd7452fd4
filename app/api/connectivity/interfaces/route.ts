import { handleApiRequest } from "@/lib/api/handler";
import { parseListPaging } from "@/lib/api/list-query";
import { listInterfaces, parseConnectivityFilters } from "@/lib/connectivity";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) =>
    Response.json(await listInterfaces(prisma, access, { ...parseListPaging(url), ...parseConnectivityFilters(url) })),
  );
}
