import { handleViewRequest, parseId } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { getComponentView } from "@/lib/status/component-view";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleViewRequest(async (access) => {
    const id = parseId((await params).id, "The component id must be a positive whole number");
    return getComponentView(getPrisma(), access, id);
  }, "No such component, or you do not have access to it");
}
