import { queryFlag } from "@/lib/api/config-document-request";
import { handleApiRequest, readJsonBody } from "@/lib/api/handler";
import { importFromOpsview } from "@/lib/config/opsview-import";
import { DeferredInput } from "@/lib/validation/deferred-input";

export const dynamic = "force-dynamic";

/** A preview unless ?dryRun=false: the body names an Opsview server or carries its exported JSON. */
export function POST(request: Request) {
  return handleApiRequest(request, async (context) => {
    const dryRun = context.url.searchParams.has("dryRun") ? queryFlag(context.url, "dryRun") : true;
    const options = { dryRun, prune: queryFlag(context.url, "prune") };
    return Response.json(await importFromOpsview(context, new DeferredInput(() => readJsonBody(context.request)), options));
  });
}
