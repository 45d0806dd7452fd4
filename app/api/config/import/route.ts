import { configDocumentBody, queryFlag } from "@/lib/api/config-document-request";
import { handleApiRequest } from "@/lib/api/handler";
import { importConfigDocument } from "@/lib/config/document";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleApiRequest(request, async (context) => {
    const options = { dryRun: queryFlag(context.url, "dryRun"), prune: queryFlag(context.url, "prune") };
    return Response.json(await importConfigDocument(context, configDocumentBody(context.request), options));
  });
}
