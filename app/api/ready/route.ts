import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/health/check-readiness";
import { defaultPollIntervalSeconds } from "@/lib/sources/registry";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers, migrations are applied and a poller is fresh somewhere; 503 otherwise. JSON either way. */
export async function GET() {
  const config = env();
  const report = await checkReadiness(getDatabase(), Date.now(), {
    pollIntervalSeconds: config.BSM_POLL_INTERVAL_SECONDS ?? defaultPollIntervalSeconds(config.BSM_SOURCE),
    maxStalenessSeconds: config.BSM_READY_MAX_STALENESS_SECONDS,
    pollerInThisProcess: config.BSM_POLLER === "on",
  });
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
