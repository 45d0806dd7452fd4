import { handleViewRequest } from "@/lib/api/handler";
import { loadTopology, parseTopologyQuery } from "@/lib/connectivity";
import { getPrisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleViewRequest(async (access) => {
    const { scope, expand } = parseTopologyQuery(new URL(request.url));
    return loadTopology(getPrisma(), access, scope, expand);
  }, "No such business service or component, or you do not have access to it");
}
