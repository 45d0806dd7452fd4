import { getPrisma } from "@/lib/db";
import { listServiceAvailabilities } from "@/lib/status/service-availabilities";
import { respondWithView } from "../respond";

export const dynamic = "force-dynamic";

/** 24-hour availability of each business service the user may see, by id. */
export async function GET() {
  return respondWithView(async (access) => ({ services: await listServiceAvailabilities(getPrisma(), access, Date.now()) }));
}
