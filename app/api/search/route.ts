import { handleApiRequest } from "@/lib/api/handler";
import { parseSearchQuery, searchEstate } from "@/lib/search/search-estate";

export const dynamic = "force-dynamic";

/** The header's search: services, components, hosts and checks the caller may see whose name holds ?q=. */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) =>
    Response.json(await searchEstate(prisma, access, parseSearchQuery(url)), { headers: { "Cache-Control": "no-store" } }),
  );
}
