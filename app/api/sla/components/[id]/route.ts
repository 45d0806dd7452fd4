import { handleApiRequest, parseId } from "@/lib/api/handler";
import { objectSlaResource, slaRef } from "@/lib/sla";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** Its SLA target and figures for the current period (?offset=-1: the previous one); target null without an SLA. */
export function GET(request: Request, { params }: Params) {
  return handleApiRequest(request, async ({ prisma, access, url }) =>
    Response.json(await objectSlaResource(prisma, access, slaRef("COMPONENT", parseId((await params).id)), url.searchParams), { headers: { "Cache-Control": "no-store" } }),
  );
}
