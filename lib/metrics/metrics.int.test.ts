import { describe, expect, it } from "vitest";
import { freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { parsePrometheusText, samplesOf } from "@/tests/support/prometheus-text";
import { authorizeCredential } from "../api/authenticate";
import { createApiToken, METRICS_TOKEN_REFUSAL, revokeApiToken } from "../auth/api-tokens";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "../auth/client-address";
import { loadUserAccess } from "../auth/load-access";
import type { SessionClaims } from "../auth/session-user";
import { ForbiddenError } from "../errors/app-error";
import { Poller } from "../poller/poller";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import type { MonitoringSource, SourceHost, SourceServiceCheck } from "../sources/types";
import { createUser } from "../users/create-user";
import { METRICS_NEED_CREDENTIALS, METRICS_NEED_WHOLE_ESTATE } from "./access";
import { authorizeMetricsRequest } from "./authorize-metrics";
import { saveMetricsSettings } from "./metrics-settings";
import { publishWithMetrics } from "./poller-hooks";
import { createMetrics } from "./registry";
import { loadStoredMetrics } from "./stored-metrics";

const START = Date.parse("2026-12-05T08:00:00Z");

function host(name: string, template: string): SourceHost {
  return { name, alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: template, priority: 1 }] };
}

/** A source whose checks the test sets; every read is complete. */
function scriptedSource(hosts: SourceHost[]) {
  const checks = new Map<string, SourceServiceCheck>();
  let reads = 0;
  const set = (hostName: string, name: string, change: Partial<SourceServiceCheck>) => {
    const template = hosts.find((candidate) => candidate.name === hostName)!.hostTemplates[0]!.name;
    const previous: SourceServiceCheck = checks.get(`${hostName}/${name}`) ?? {
      host: hostName,
      name,
      state: "OK",
      stateType: "HARD",
      acknowledged: false,
      inDowntime: false,
      output: "",
      lastStateChange: null,
      hostTemplates: [template],
      serviceGroups: [],
    };
    checks.set(`${hostName}/${name}`, { ...previous, ...change });
  };
  const source: MonitoringSource = {
    kind: "scripted",
    readFull: async () => ({ kind: "complete", hosts, serviceChecks: [...checks.values()].map((check) => ({ ...check })), skipped: [], cursor: String(++reads) }),
    readChanges: async () => {
      throw new Error("only full reads here");
    },
    describe: () => "scripted source",
    close: async () => undefined,
  };
  return { source, set };
}

async function pollEstate(database: FreshDatabase) {
  const hosts = [host("web1", "Web"), host("web2", "Web"), host("web3", "Web"), host("db1", "Db")];
  const { source, set } = scriptedSource(hosts);
  for (const { name } of hosts) set(name, "HTTP", {});
  await seedConfigurationIfEmpty(
    database,
    {
      hosts,
      components: [
        { name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
        { name: "Db", hostTemplate: "Db", hosts: ["db1"], requiredOnline: 1 },
      ],
      businessServices: [
        { name: "Shop", components: ["Web", "Db"] },
        { name: "Reports", components: ["Db"] },
      ],
    },
    START,
  );
  const metrics = createMetrics({ loadStored: () => loadStoredMetrics(database.prisma), now: () => clock.now });
  const clock = { now: START };
  const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 0, now: () => clock.now, log: () => {}, publish: publishWithMetrics(async () => {}, metrics) });
  const cycle = async (advanceMs: number) => {
    clock.now += advanceMs;
    expect(await poller.runCycle()).toMatchObject({ ok: true });
  };
  const scrape = async () => parsePrometheusText(await metrics.registry.metrics());
  return { set, cycle, scrape, clock };
}

describe("metrics after a poll (PGlite)", () => {
  const freshDatabase = freshDatabaseOpener("pglite");

  it("report the stored states, counts and poller figures, follow a service going offline and drop deleted objects", async () => {
    const database = await freshDatabase();
    const { set, cycle, scrape } = await pollEstate(database);
    await cycle(0);
    const shop = await database.prisma.businessService.findFirstOrThrow({ where: { name: "Shop" } });
    const web = await database.prisma.component.findFirstOrThrow({ where: { name: "Web" } });
    const stateOf = (samples: Awaited<ReturnType<typeof scrape>>) =>
      samplesOf(samples, "bsm_business_service_state", { service_id: String(shop.id), service: "Shop" }).filter((sample) => sample.value === 1).map((sample) => sample.labels.state);

    let samples = await scrape();
    expect(stateOf(samples)).toEqual(["OPERATIONAL"]);
    expect(samplesOf(samples, "bsm_business_service_state")).toHaveLength(2 * 3);
    expect(samplesOf(samples, "bsm_component_state")).toHaveLength(2 * 3);
    expect(samplesOf(samples, "bsm_poller_checks_known")[0]?.value).toBe(4);
    expect(samplesOf(samples, "bsm_poller_hosts_known")[0]?.value).toBe(4);
    expect(samplesOf(samples, "bsm_poller_consecutive_failures")[0]?.value).toBe(0);
    expect(samplesOf(samples, "bsm_poller_last_success_timestamp_seconds")[0]?.value).toBe(START / 1000);

    // Two of three web hosts fail: Web (2 required online) fails and Shop goes offline.
    set("web1", "HTTP", { state: "CRITICAL", lastStateChange: START + 10_000 });
    set("web2", "HTTP", { state: "CRITICAL", lastStateChange: START + 10_000, acknowledged: true });
    await cycle(10_000);
    samples = await scrape();
    expect(stateOf(samples)).toEqual(["OFFLINE"]);
    expect(samplesOf(samples, "bsm_business_service_components_failed", { service_id: String(shop.id) })[0]?.value).toBe(1);
    const stored = await database.prisma.bsmObjectStatus.findUniqueOrThrow({ where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id) } } });
    expect(samplesOf(samples, "bsm_business_service_impacted", { service_id: String(shop.id) })[0]?.value).toBe(stored.impacted ? 1 : 0);
    expect(samplesOf(samples, "bsm_business_service_acknowledged", { service_id: String(shop.id) })[0]?.value).toBe(stored.acknowledged ? 1 : 0);
    expect(samplesOf(samples, "bsm_business_service_availability_ratio", { service_id: String(shop.id) })[0]?.value).toBeCloseTo(stored.availability / 100, 6);
    expect(samplesOf(samples, "bsm_component_state", { component_id: String(web.id), component: "Web", state: "FAILED" })[0]?.value).toBe(1);
    expect(samplesOf(samples, "bsm_component_hosts_failed", { component_id: String(web.id) })[0]?.value).toBe(2);
    const ratio = samplesOf(samples, "bsm_business_service_availability_ratio", { service_id: String(shop.id) })[0]?.value;
    expect(ratio).toBeGreaterThanOrEqual(0);
    expect(ratio).toBeLessThanOrEqual(1);
    expect(samplesOf(samples, "bsm_poller_cycle_phase_seconds_count", { phase: "read" })[0]?.value).toBe(2);
    expect(samplesOf(samples, "bsm_poller_events_published_total")[0]?.value).toBeGreaterThanOrEqual(3);

    await database.prisma.businessService.delete({ where: { id: shop.id } });
    samples = await scrape();
    expect(samplesOf(samples, "bsm_business_service_state", { service_id: String(shop.id) })).toEqual([]);
    expect(samplesOf(samples, "bsm_business_service_state")).toHaveLength(3);
  });
});

describe("who may read /metrics (PGlite)", () => {
  const freshDatabase = freshDatabaseOpener("pglite");
  const lists = { trustedProxies: parseTrustedProxies(""), allowList: parseTrustedProxies("10.0.0.0/8, ::1") };
  const request = (headers: Record<string, string> = {}) => new Request("http://localhost/metrics", { headers });

  it("decides by token, network, session and the anonymous setting", async () => {
    const { prisma } = await freshDatabase();
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const role = await prisma.role.create({ data: { name: "Some", hostGroups: [], keywords: [] } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: role.id } });
    const decide = (req: Request, readSession: () => Promise<SessionClaims | null> = async () => null) => authorizeMetricsRequest(prisma, req, { ...lists, readSession });
    const bearer = (token: string) => request({ authorization: `Bearer ${token}` });

    expect(await decide(request())).toEqual({ allowed: false, status: 401, message: METRICS_NEED_CREDENTIALS });
    expect(await decide(bearer("bsm_nonsense"))).toMatchObject({ allowed: false, status: 401 });

    const adminMetrics = await createApiToken(prisma, admin, { name: "prometheus", scope: "metrics" });
    expect(adminMetrics.view.scope).toBe("metrics");
    expect(await decide(bearer(adminMetrics.token))).toEqual({ allowed: true, via: "token" });
    const adminReadOnly = await createApiToken(prisma, admin, { name: "ro", scope: "read-only" });
    expect(await decide(bearer(adminReadOnly.token))).toEqual({ allowed: true, via: "token" });

    const viewerMetrics = await createApiToken(prisma, viewer, { name: "prometheus", scope: "metrics" });
    expect(await decide(bearer(viewerMetrics.token))).toEqual({ allowed: false, status: 403, message: METRICS_NEED_WHOLE_ESTATE });
    // VIEWALL with all business services sees the whole estate.
    await prisma.role.update({ where: { id: role.id }, data: { viewAll: true, allBusinessServices: true } });
    expect(await decide(bearer(viewerMetrics.token))).toEqual({ allowed: true, via: "token" });

    await prisma.apiToken.update({ where: { id: viewerMetrics.view.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await decide(bearer(viewerMetrics.token))).toEqual({ allowed: false, status: 401, message: "API token expired" });
    await revokeApiToken(prisma, admin, adminMetrics.view.id);
    expect(await decide(bearer(adminMetrics.token))).toMatchObject({ allowed: false, status: 401 });

    // A metrics token is refused by the rest of the API, and cannot make tokens.
    const another = await createApiToken(prisma, admin, { name: "prometheus 2", scope: "metrics" });
    await expect(authorizeCredential(prisma, { kind: "token", token: another.token }, "GET")).rejects.toThrow(METRICS_TOKEN_REFUSAL);
    await expect(authorizeCredential(prisma, { kind: "token", token: another.token }, "GET")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createApiToken(prisma, admin, { name: "x" }, { id: another.view.id, userId: admin.id, scope: "metrics", expiresAt: null })).rejects.toBeInstanceOf(ForbiddenError);

    // Sessions: the administrator's, an ended one.
    const claims = { userId: admin.id, sessionVersion: admin.sessionVersion, expiresAt: Date.now() + 60_000 };
    expect(await decide(request(), async () => claims)).toEqual({ allowed: true, via: "session" });
    expect(await decide(request(), async () => ({ ...claims, sessionVersion: claims.sessionVersion + 1 }))).toMatchObject({ allowed: false, status: 401 });

    // The network allow-list, by the address our server records (never a client-sent X-Forwarded-For).
    expect(await decide(request({ [CLIENT_ADDRESS_HEADER]: "10.1.2.3" }))).toEqual({ allowed: true, via: "network" });
    expect(await decide(request({ [CLIENT_ADDRESS_HEADER]: "::1" }))).toEqual({ allowed: true, via: "network" });
    expect(await decide(request({ [CLIENT_ADDRESS_HEADER]: "192.168.1.1", "x-forwarded-for": "10.1.2.3" }))).toMatchObject({ allowed: false, status: 401 });

    // Anonymous: only an administrator turns it on, and it is audited.
    const viewerAccess = (await loadUserAccess(prisma, viewer.id))!.access;
    await expect(saveMetricsSettings(prisma, { user: viewer, access: viewerAccess, raw: { anonymous: true } })).rejects.toBeInstanceOf(ForbiddenError);
    const adminAccess = (await loadUserAccess(prisma, admin.id))!.access;
    await saveMetricsSettings(prisma, { user: admin, access: adminAccess, raw: { anonymous: true } });
    expect(await decide(request())).toEqual({ allowed: true, via: "anonymous" });
    expect(await prisma.auditEntry.findFirst({ where: { action: "metricsSettings.update" } })).toMatchObject({ target: "metricsSettings" });
    await saveMetricsSettings(prisma, { user: admin, access: adminAccess, raw: { anonymous: false } });
    expect(await decide(request())).toMatchObject({ allowed: false, status: 401 });
  });
});
