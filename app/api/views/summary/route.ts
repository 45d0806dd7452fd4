import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses } from "@/lib/status/list-business-service-statuses";
import { respondWithView } from "../respond";

export const dynamic = "force-dynamic";

/** Business services the user may see, with their stored status, in Summary order. */
export async function GET() {
  return respondWithView(async (access) => ({ services: await listBusinessServiceStatuses(getPrisma(), access) }));
}
