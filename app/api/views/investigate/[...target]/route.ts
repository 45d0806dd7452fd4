import { handleViewRequest } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors/app-error";
import { parseInvestigateTarget } from "@/lib/status/investigate-target";
import { getInvestigateView } from "@/lib/status/investigate-view";

export const dynamic = "force-dynamic";

/** /api/views/investigate/service/12, …/component/3, …/host/3/web-01 */
export function GET(_request: Request, { params }: { params: Promise<{ target: string[] }> }) {
  return handleViewRequest(async (access) => {
    const target = parseInvestigateTarget((await params).target);
    if (target === null) throw new ValidationError("Investigate service/<id>, component/<id> or host/<component id>/<host name>");
    return getInvestigateView(getPrisma(), access, target, Date.now());
  });
}
