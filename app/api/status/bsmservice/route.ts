import { getCurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses, toBsmServiceResource } from "@/lib/status/list-business-service-statuses";

export const dynamic = "force-dynamic";

/** Business services with Opsview's field names (/rest/status/bsmservice), in Summary order. */
export async function GET() {
  if (!(await getCurrentUser())) return Response.json({ error: "sign in first" }, { status: 401 });
  const services = await listBusinessServiceStatuses(getPrisma());
  return Response.json({ list: services.map(toBsmServiceResource) });
}
