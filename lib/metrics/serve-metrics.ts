import "server-only";
import { getServerSession } from "next-auth";
import { parseTrustedProxies, type TrustedProxies } from "../auth/client-address";
import { authOptions } from "../auth/options";
import { getPrisma } from "../db";
import { env } from "../env";
import { appMetrics } from "./app-metrics";
import { authorizeMetricsRequest } from "./authorize-metrics";

let addressLists: { trustedProxies: TrustedProxies; allowList: TrustedProxies } | undefined;

/** GET /metrics: the Prometheus text format for those lib/metrics/access.ts allows; 401/403/503 as plain text. */
export async function serveMetrics(request: Request): Promise<Response> {
  const config = env();
  addressLists ??= { trustedProxies: parseTrustedProxies(config.BSM_TRUSTED_PROXIES), allowList: parseTrustedProxies(config.BSM_METRICS_ALLOW) };
  const prisma = getPrisma();
  const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  try {
    const decision = await authorizeMetricsRequest(prisma, request, {
      ...addressLists,
      readSession: async () => (await getServerSession(authOptions))?.claims ?? null,
    });
    if (!decision.allowed) return plain(decision.status, decision.message);
    const { registry } = appMetrics();
    return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
  } catch {
    return plain(503, "The metrics cannot be read now: the application database does not answer");
  }
}
