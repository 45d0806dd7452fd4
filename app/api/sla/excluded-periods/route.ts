import { handleApiRequest } from "@/lib/api/handler";
import { createExcludedPeriod, listExcludedPeriods, parseObjectQuery, slaRef } from "@/lib/sla";

export const dynamic = "force-dynamic";

/** One object's excluded periods (?objectType=BUSINESS_SERVICE|COMPONENT&objectId=…). */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => {
    const { objectType, objectId } = parseObjectQuery(url.searchParams);
    return Response.json({ list: await listExcludedPeriods(prisma, access, slaRef(objectType, objectId)) });
  });
}

/** Excludes a period of an object from its figures (CONFIGUREBSM; audited). */
export function POST(request: Request) {
  return handleApiRequest(request, async (context) => Response.json(await createExcludedPeriod(context, context.body), { status: 201 }));
}
