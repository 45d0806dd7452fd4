import { describe, expect, it } from "vitest";
import { decideMetricsAccess, METRICS_NEED_CREDENTIALS, METRICS_NEED_WHOLE_ESTATE, type MetricsCredential, type MetricsRequestFacts } from "./access";

const none: MetricsCredential = { kind: "none" };
const facts = (overrides: Partial<MetricsRequestFacts>): MetricsRequestFacts => ({ fromAllowedNetwork: false, anonymousAllowed: false, credential: none, ...overrides });

describe("who may read /metrics", () => {
  it.each<[string, MetricsRequestFacts, ReturnType<typeof decideMetricsAccess>]>([
    ["nobody without credentials: 401", facts({}), { allowed: false, status: 401, message: METRICS_NEED_CREDENTIALS }],
    ["a client in BSM_METRICS_ALLOW without credentials", facts({ fromAllowedNetwork: true }), { allowed: true, via: "network" }],
    ["a client in BSM_METRICS_ALLOW whatever its credentials", facts({ fromAllowedNetwork: true, credential: { kind: "invalid", message: "x" } }), { allowed: true, via: "network" }],
    ["anyone once an administrator allows anonymous metrics", facts({ anonymousAllowed: true }), { allowed: true, via: "anonymous" }],
    ["an invalid, revoked or expired token: 401 with its reason", facts({ credential: { kind: "invalid", message: "API token expired" } }), { allowed: false, status: 401, message: "API token expired" }],
    ["a metrics token of a user who sees the whole estate", facts({ credential: { kind: "token", scope: "metrics", seesWholeEstate: true } }), { allowed: true, via: "token" }],
    ["a read-only token of a user who sees the whole estate", facts({ credential: { kind: "token", scope: "read-only", seesWholeEstate: true } }), { allowed: true, via: "token" }],
    ["a metrics token of a user who sees part of the estate: 403", facts({ credential: { kind: "token", scope: "metrics", seesWholeEstate: false } }), { allowed: false, status: 403, message: METRICS_NEED_WHOLE_ESTATE }],
    ["the session of an administrator", facts({ credential: { kind: "session", seesWholeEstate: true } }), { allowed: true, via: "session" }],
    ["the session of a user who sees part of the estate: 403", facts({ credential: { kind: "session", seesWholeEstate: false } }), { allowed: false, status: 403, message: METRICS_NEED_WHOLE_ESTATE }],
  ])("%s", (_, input, expected) => {
    expect(decideMetricsAccess(input)).toEqual(expected);
  });
});
