import { handleApiRequest } from "@/lib/api/handler";
import { parseListQuery } from "@/lib/api/list-query";
import { parseAtParam } from "@/lib/api/status/moment";
import { COMPONENT_STATUSES, listBsmComponentResources } from "@/lib/api/status/bsmcomponent";

export const dynamic = "force-dynamic";

/** Components with Opsview's field names (/rest/status/bsmcomponent), problems first. */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) =>
    Response.json(await listBsmComponentResources(prisma, access, parseListQuery(url, COMPONENT_STATUSES), parseAtParam(url))),
  );
}
