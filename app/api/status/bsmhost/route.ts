import { handleApiRequest, parseId } from "@/lib/api/handler";
import { parseListQuery } from "@/lib/api/list-query";
import { parseAtParam } from "@/lib/api/status/moment";
import { HOST_STATUSES, listBsmHostResources } from "@/lib/api/status/bsmhost";
import { ValidationError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** The hosts of one component (?cid=), as that component sees them. */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => {
    const cid = url.searchParams.get("cid");
    if (cid === null) throw new ValidationError("cid (the component id) is required");
    return Response.json(await listBsmHostResources(prisma, access, parseId(cid), parseListQuery(url, HOST_STATUSES), parseAtParam(url)));
  });
}
