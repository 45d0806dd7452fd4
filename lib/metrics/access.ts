// Rules: docs/access-rules.md §12 (who may read /metrics).
import type { Access } from "../auth/access";
import type { ApiTokenScopeName } from "../auth/token-scopes";

/** The metrics name every business service and component: only users who see the whole estate may read them with their credentials. */
export function canReadMetrics(access: Access): boolean {
  return access.has("administer") || (access.has("bsm") && access.grants.viewAll && access.grants.allBusinessServices);
}

/** What a /metrics request proved about who sends it. */
export type MetricsCredential =
  | { kind: "none" }
  /** An unknown, revoked or expired token, an ended session, a deleted user. */
  | { kind: "invalid"; message: string }
  | { kind: "token"; scope: ApiTokenScopeName; seesWholeEstate: boolean }
  | { kind: "session"; seesWholeEstate: boolean };

export interface MetricsRequestFacts {
  /** The client address is in BSM_METRICS_ALLOW. */
  fromAllowedNetwork: boolean;
  /** An administrator allowed anonymous metrics (Settings). */
  anonymousAllowed: boolean;
  credential: MetricsCredential;
}

export type MetricsDecision =
  | { allowed: true; via: "network" | "anonymous" | "token" | "session" }
  | { allowed: false; status: 401 | 403; message: string };

export const METRICS_NEED_CREDENTIALS = "Send a metrics API token (Authorization: Bearer <token>) to read the metrics";
export const METRICS_NEED_WHOLE_ESTATE =
  "The metrics describe the whole estate: only the tokens and sessions of administrators and of roles with VIEWALL and all business services may read them";

/**
 * Who may read /metrics: clients in BSM_METRICS_ALLOW and, when an administrator allows it, anyone;
 * otherwise a token (metrics, full or read-only) or a session of a user who sees the whole estate.
 * 401 without credentials or with invalid ones, 403 with valid ones that may not.
 */
export function decideMetricsAccess({ fromAllowedNetwork, anonymousAllowed, credential }: MetricsRequestFacts): MetricsDecision {
  if (fromAllowedNetwork) return { allowed: true, via: "network" };
  if (anonymousAllowed) return { allowed: true, via: "anonymous" };
  switch (credential.kind) {
    case "none":
      return { allowed: false, status: 401, message: METRICS_NEED_CREDENTIALS };
    case "invalid":
      return { allowed: false, status: 401, message: credential.message };
    case "token":
    case "session":
      return credential.seesWholeEstate ? { allowed: true, via: credential.kind } : { allowed: false, status: 403, message: METRICS_NEED_WHOLE_ESTATE };
  }
}
