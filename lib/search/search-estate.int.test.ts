import type { PrismaClient } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_GRANTS, createAccess, type Grants } from "@/lib/auth/access";
import { loadAccessEstate } from "@/lib/auth/load-access";
import { freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { searchEstate } from "./search-estate";
import type { SearchResults } from "./search-results";

/**
 * Shop holds Web servers (web-eu-01, web-eu-02 in host group "web") and Payments (pay-eu-01 in
 * "secret"); Payroll is a second service on Payments only. web-eu-01 has a host element.
 */
async function seed(prisma: PrismaClient) {
  const template = await prisma.hostTemplate.create({ data: { name: "Linux" } });
  const [web1, web2, pay1] = await Promise.all(
    [
      ["web-eu-01", "web"],
      ["web-eu-02", "web"],
      ["pay-eu-01", "secret"],
    ].map(([name, group]) => prisma.host.create({ data: { name, hostGroups: [group] } })),
  );
  await prisma.serviceCheck.createMany({
    data: [
      { hostId: web1.id, name: "HTTP", state: "CRITICAL", contributingTemplates: ["Linux"] },
      { hostId: web1.id, name: "Load", contributingTemplates: ["Linux"] },
      { hostId: web2.id, name: "HTTP", contributingTemplates: ["Linux"] },
      { hostId: pay1.id, name: "HTTP payments", contributingTemplates: ["Linux"] },
    ],
  });
  const web = await prisma.component.create({
    data: { name: "Web servers", hostTemplateId: template.id, requiredOnline: 1, hosts: { create: [web1, web2].map((host, position) => ({ hostId: host.id, position })) } },
  });
  const payments = await prisma.component.create({
    data: { name: "Payments", hostTemplateId: template.id, requiredOnline: 1, hosts: { create: [{ hostId: pay1.id, position: 0 }] } },
  });
  const shop = await prisma.businessService.create({
    data: { name: "Shop", components: { create: [{ componentId: web.id, position: 0 }, { componentId: payments.id, position: 1 }] } },
  });
  await prisma.businessService.create({ data: { name: "Payroll", components: { create: [{ componentId: payments.id, position: 0 }] } } });
  await prisma.bsmObjectStatus.create({
    data: { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OFFLINE", acknowledged: true, impacted: false, changedAt: new Date() },
  });
  await prisma.reflectedHost.create({ data: { host: "web-eu-01", hostType: "Linux", element: { create: { hostType: "Linux" } } } });
  return { webId: web.id, paymentsId: payments.id, shopId: shop.id };
}

const names = (results: SearchResults) => ({
  service: results.service.map((hit) => hit.name),
  component: results.component.map((hit) => hit.name),
  host: results.host.map((hit) => hit.name),
  check: results.check.map((hit) => `${hit.name} ${hit.detail}`),
});

describe("searchEstate on PGlite", () => {
  const freshDatabase = freshDatabaseOpener("pglite", { lifetime: "suite" });
  let database: FreshDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;
  const search = async (grants: Partial<Grants>, q: string, limit = 5) => {
    const full = { ...NO_GRANTS, bsmAccess: true, ...grants };
    return searchEstate(database.prisma, createAccess(full, await loadAccessEstate(database.prisma, full)), { q, limit });
  };

  beforeAll(async () => {
    database = await freshDatabase();
    ids = await seed(database.prisma);
  }, 60_000);

  it("an administrator finds every kind, with state and where each result opens", async () => {
    const results = await search({ isAdmin: true }, "eu");
    expect(names(results).host).toEqual(["pay-eu-01", "web-eu-01", "web-eu-02"]);
    expect(results.host[1]).toEqual({
      kind: "host",
      key: "web-eu-01",
      name: "web-eu-01",
      state: "CRITICAL",
      detail: "1 of 2 checks not OK",
      href: "/hosts/web-eu-01",
    });
    // No host element: the host in its first component, in Investigate.
    expect(results.host[0]!.href).toBe(`/bsm/investigate/host/${ids.paymentsId}/pay-eu-01`);

    const shop = await search({ isAdmin: true }, "SHO");
    expect(shop.service).toEqual([{ kind: "service", key: String(ids.shopId), name: "Shop", state: "OFFLINE", detail: "acknowledged", href: `/bsm/service/${ids.shopId}` }]);
    expect((await search({ isAdmin: true }, "pay")).component).toMatchObject([{ name: "Payments", state: "OPERATIONAL", href: `/bsm/component/${ids.paymentsId}` }]);
  });

  it("ranks prefix before word-start before substring matches, and keeps the limit per kind", async () => {
    expect(names(await search({ isAdmin: true }, "http")).check).toEqual(["HTTP on web-eu-01", "HTTP on web-eu-02", "HTTP payments on pay-eu-01"]);
    expect(names(await search({ isAdmin: true }, "pay")).service).toEqual(["Payroll"]);
    expect(names(await search({ isAdmin: true }, "01")).host).toEqual(["pay-eu-01", "web-eu-01"]);
    expect(names(await search({ isAdmin: true }, "e", 2)).host).toEqual(["pay-eu-01", "web-eu-01"]);
    expect(names(await search({ isAdmin: true }, "o", 1)).service).toEqual(["Shop"]);
  });

  it("a restricted user does not find hosts, or checks of hosts, they may not see", async () => {
    const results = names(await search({ hostGroups: ["web"] }, "eu"));
    expect(results.host).toEqual(["web-eu-01", "web-eu-02"]);
    expect(results.component).toEqual([]);
    expect(names(await search({ hostGroups: ["web"] }, "e")).component).toEqual(["Web servers"]);
    expect(names(await search({ hostGroups: ["web"] }, "http")).check).toEqual(["HTTP on web-eu-01", "HTTP on web-eu-02"]);
    expect(names(await search({ hostGroups: ["web"] }, "pay"))).toEqual({ service: [], component: [], host: [], check: [] });
  });

  it("top down, a user finds the service and its components but no hosts", async () => {
    // "Web servers" has a word that starts with "s"; "Payments" only holds one.
    const results = names(await search({ businessServices: new Map([[ids.shopId, { canEdit: false }]]) }, "s"));
    expect(results).toEqual({ service: ["Shop"], component: ["Web servers", "Payments"], host: [], check: [] });
  });

  it("without BSM access a user finds nothing, even with VIEWALL", async () => {
    expect(names(await search({ bsmAccess: false, viewAll: true, allBusinessServices: true }, "e"))).toEqual({ service: [], component: [], host: [], check: [] });
  });

  it("finds a check added after an earlier search, and no longer one whose host was removed", async () => {
    expect(names(await search({ isAdmin: true }, "disk")).check).toEqual([]);
    const web2 = await database.prisma.host.findUniqueOrThrow({ where: { name: "web-eu-02" } });
    await database.prisma.serviceCheck.create({ data: { hostId: web2.id, name: "Disk /var", state: "WARNING", contributingTemplates: ["Linux"] } });
    expect((await search({ isAdmin: true }, "disk")).check).toMatchObject([{ name: "Disk /var", state: "WARNING", detail: "on web-eu-02" }]);
    await database.prisma.host.update({ where: { id: web2.id }, data: { removedAt: new Date() } });
    expect(names(await search({ isAdmin: true }, "disk")).check).toEqual([]);
    await database.prisma.host.update({ where: { id: web2.id }, data: { removedAt: null } });
  });

  it("takes the query literally: LIKE wildcards and regular-expression characters match only themselves", async () => {
    expect(names(await search({ isAdmin: true }, "%"))).toEqual({ service: [], component: [], host: [], check: [] });
    expect(names(await search({ isAdmin: true }, "eu-0"))).toMatchObject({ host: ["pay-eu-01", "web-eu-01", "web-eu-02"] });
    expect(names(await search({ isAdmin: true }, "(.*"))).toEqual({ service: [], component: [], host: [], check: [] });
  });

  it("finds a visible component ranked behind more hidden ones than the first read looks at", async () => {
    const template = await database.prisma.hostTemplate.findFirstOrThrow();
    const pay1 = await database.prisma.host.findUniqueOrThrow({ where: { name: "pay-eu-01" } });
    for (const name of ["e1", "e2", "e3", "e4", "e5"]) {
      await database.prisma.component.create({ data: { name, hostTemplateId: template.id, requiredOnline: 1, hosts: { create: [{ hostId: pay1.id, position: 0 }] } } });
    }
    expect(names(await search({ isAdmin: true }, "e", 1)).component).toEqual(["e1"]);
    expect(names(await search({ hostGroups: ["web"] }, "e", 1)).component).toEqual(["Web servers"]);
  });
});
