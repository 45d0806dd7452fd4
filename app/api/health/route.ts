export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers. Touches no database, so an outage never gets a healthy web
 * server restarted; whether it should get traffic is /api/ready's question.
 */
export function GET() {
  return Response.json({ ok: true, uptimeSeconds: Math.floor(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}
