import { getPrisma } from "@/lib/db";
import { getServiceView } from "@/lib/status/service-view";
import { parseId, respondWithView } from "../../respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return Response.json({ error: "The business service id must be a positive whole number" }, { status: 400 });
  return respondWithView((access) => getServiceView(getPrisma(), access, id, Date.now()), "No such business service, or you do not have access to it");
}
