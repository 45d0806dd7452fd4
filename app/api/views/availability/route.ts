import { handleViewRequest } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db";
import { listServiceAvailabilities } from "@/lib/status/service-availabilities";

export const dynamic = "force-dynamic";

/** 24-hour availability of each business service the user may see, by id. */
export function GET() {
  return handleViewRequest(async (access) => ({ services: await listServiceAvailabilities(getPrisma(), access) }));
}
