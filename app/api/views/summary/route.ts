import { handleViewRequest } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses } from "@/lib/status/list-business-service-statuses";

export const dynamic = "force-dynamic";

/** Business services the user may see, with their stored status, in Summary order. */
export function GET() {
  return handleViewRequest(async (access) => ({ services: await listBusinessServiceStatuses(getPrisma(), access) }));
}
