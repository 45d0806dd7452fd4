import { getPrisma } from "@/lib/db";
import { getComponentView } from "@/lib/status/component-view";
import { parseId, respondWithView } from "../../respond";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) return Response.json({ error: "The component id must be a positive whole number" }, { status: 400 });
  return respondWithView((access) => getComponentView(getPrisma(), access, id, Date.now()), "No such component, or you do not have access to it");
}
