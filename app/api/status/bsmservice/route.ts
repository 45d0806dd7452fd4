import { handleApiRequest } from "@/lib/api/handler";
import { parseListQuery } from "@/lib/api/list-query";
import { parseAtParam } from "@/lib/api/status/moment";
import { SERVICE_STATUSES, listBsmServiceResources } from "@/lib/api/status/bsmservice";

export const dynamic = "force-dynamic";

/** Business services with Opsview's field names (/rest/status/bsmservice), in Summary order. */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) =>
    Response.json(await listBsmServiceResources(prisma, access, parseListQuery(url, SERVICE_STATUSES), parseAtParam(url))),
  );
}
