import { handleViewRequest, parseId } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { getServiceView } from "@/lib/status/service-view";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleViewRequest(async (access) => {
    const id = parseId((await params).id, "The business service id must be a positive whole number");
    return getServiceView(getPrisma(), access, id);
  }, "No such business service, or you do not have access to it");
}
