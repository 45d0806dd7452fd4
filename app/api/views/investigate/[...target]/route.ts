import { handleViewRequest } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors/app-error";
import { isTimeZone } from "@/components/ui/format-time";
import { getInvestigateRange } from "@/lib/status/investigate-range";
import { parseInvestigateTarget } from "@/lib/status/investigate-target";
import { getInvestigateView } from "@/lib/status/investigate-view";

export const dynamic = "force-dynamic";

/**
 * /api/views/investigate/service/12, …/component/3, …/host/3/web-01; with ?history and a range (?range=7d or
 * ?from=&to=, buckets in ?zone=), the object's history over that range instead.
 */
export function GET(request: Request, { params }: { params: Promise<{ target: string[] }> }) {
  return handleViewRequest(async (access) => {
    const target = parseInvestigateTarget((await params).target);
    if (target === null) throw new ValidationError("Investigate service/<id>, component/<id> or host/<component id>/<host name>");
    const search = new URL(request.url).searchParams;
    if (!search.has("history")) return getInvestigateView(getPrisma(), access, target, Date.now());
    const zone = search.get("zone") ?? "UTC";
    if (!isTimeZone(zone)) throw new ValidationError(`"${zone}" is not a time zone`);
    return getInvestigateRange(getPrisma(), access, target, { range: search.get("range"), from: search.get("from"), to: search.get("to") }, zone);
  });
}
