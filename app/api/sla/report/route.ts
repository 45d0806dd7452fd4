import { handleApiRequest } from "@/lib/api/handler";
import { parseReportQuery, slaReport, slaReportCsv, wantsCsv } from "@/lib/sla";

export const dynamic = "force-dynamic";

/** Every visible business service's SLA figures for a calendar month or quarter (JSON, or CSV). */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access, url }) => {
    const query = parseReportQuery(url.searchParams, "UTC");
    const csv = wantsCsv(url.searchParams, request.headers.get("accept"));
    const report = await slaReport(prisma, access, query);
    if (!csv) return Response.json(report, { headers: { "Cache-Control": "no-store" } });
    return new Response(slaReportCsv(report), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="sla-${query.period}.csv"`, "Cache-Control": "no-store" },
    });
  });
}
