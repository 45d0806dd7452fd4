import "server-only";
import type { PrismaClient } from "@prisma/client";
import { findApiTokenGrant } from "../auth/api-tokens";
import { clientAddressFromHeaders, type TrustedProxies } from "../auth/client-address";
import { loadUserAccess } from "../auth/load-access";
import { sessionHolds, type SessionClaims } from "../auth/session-user";
import { canReadMetrics, decideMetricsAccess, type MetricsCredential, type MetricsDecision } from "./access";
import { loadAnonymousMetrics } from "./metrics-settings";

export interface MetricsAuthorization {
  trustedProxies: TrustedProxies;
  /** BSM_METRICS_ALLOW */
  allowList: TrustedProxies;
  /** The session cookie's claims, read only when the request brings no token. */
  readSession: () => Promise<SessionClaims | null>;
  now?: number;
}

/** Decides a /metrics request (lib/metrics/access.ts), looking up only what the decision still needs. */
export async function authorizeMetricsRequest(prisma: PrismaClient, request: Request, options: MetricsAuthorization): Promise<MetricsDecision> {
  const fromAllowedNetwork = options.allowList.includes(clientAddressFromHeaders(request.headers, options.trustedProxies));
  if (fromAllowedNetwork) return decideMetricsAccess({ fromAllowedNetwork, anonymousAllowed: false, credential: { kind: "none" } });
  const anonymousAllowed = await loadAnonymousMetrics(prisma);
  if (anonymousAllowed) return decideMetricsAccess({ fromAllowedNetwork, anonymousAllowed, credential: { kind: "none" } });
  return decideMetricsAccess({ fromAllowedNetwork, anonymousAllowed, credential: await metricsCredentialOf(prisma, request, options) });
}

async function metricsCredentialOf(prisma: PrismaClient, request: Request, options: MetricsAuthorization): Promise<MetricsCredential> {
  const now = options.now ?? Date.now();
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const grant = match ? await findApiTokenGrant(prisma, match[1]!) : null;
    if (!grant) return { kind: "invalid", message: "invalid or revoked API token" };
    if (grant.expiresAt !== null && grant.expiresAt.getTime() <= now) return { kind: "invalid", message: "API token expired" };
    const found = await loadUserAccess(prisma, grant.userId);
    if (!found) return { kind: "invalid", message: "the account no longer exists" };
    return { kind: "token", scope: grant.scope, seesWholeEstate: canReadMetrics(found.access) };
  }
  const claims = await options.readSession();
  if (!claims) return { kind: "none" };
  const found = await loadUserAccess(prisma, claims.userId);
  if (!found || !sessionHolds(claims, found.user, now)) return { kind: "invalid", message: "your session has ended; sign in again" };
  return { kind: "session", seesWholeEstate: canReadMetrics(found.access) };
}
