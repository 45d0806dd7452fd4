import { DOCUMENT_CONTENT_TYPES, documentFormatParameter } from "@/lib/api/config-document-request";
import { handleApiRequest } from "@/lib/api/handler";
import { exportConfigDocument, writeDocumentText } from "@/lib/config/document";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => {
    const format = documentFormatParameter(url);
    const text = writeDocumentText(await exportConfigDocument(prisma, access), format);
    return new Response(text, { headers: { "content-type": DOCUMENT_CONTENT_TYPES[format], "cache-control": "no-store" } });
  });
}
