import { getPrisma } from "@/lib/db";
import { parseInvestigateTarget } from "@/lib/status/investigate-target";
import { getInvestigateView } from "@/lib/status/investigate-view";
import { respondWithView } from "../../respond";

export const dynamic = "force-dynamic";

/** /api/views/investigate/service/12, …/component/3, …/host/3/web-01 */
export async function GET(_request: Request, { params }: { params: Promise<{ target: string[] }> }) {
  const target = parseInvestigateTarget((await params).target);
  if (target === null) return Response.json({ error: "Investigate service/<id>, component/<id> or host/<component id>/<host name>" }, { status: 400 });
  return respondWithView((access) => getInvestigateView(getPrisma(), access, target, Date.now()));
}
