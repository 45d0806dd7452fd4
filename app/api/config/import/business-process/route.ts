import { queryFlag } from "@/lib/api/config-document-request";
import { handleApiRequest } from "@/lib/api/handler";
import { readBodyWithLimit } from "@/lib/api/request-body";
import { importFromBusinessProcess } from "@/lib/config/bp-import";
import { ValidationError } from "@/lib/errors/app-error";
import { DeferredInput } from "@/lib/validation/deferred-input";

export const dynamic = "force-dynamic";

/** A preview unless ?dryRun=false: the body is the text of a Business Process file. */
export function POST(request: Request) {
  return handleApiRequest(request, async (context) => {
    const dryRun = context.url.searchParams.has("dryRun") ? queryFlag(context.url, "dryRun") : true;
    const options = { dryRun, prune: queryFlag(context.url, "prune") };
    const body = new DeferredInput(async () => {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(await readBodyWithLimit(context.request));
      } catch (error) {
        if (error instanceof TypeError) throw new ValidationError({ file: "the request body must be UTF-8 text" });
        throw error;
      }
    });
    return Response.json(await importFromBusinessProcess(context, body, options));
  });
}
