import type { PrismaClient } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { loadAvailability, loadChecks } from "./availability";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR);

/**
 * Web (web1, web2, both required) in the services Shop (long-standing) and Late (created 30
 * minutes ago). web1's HTTP was CRITICAL before the window, OK from 23 h ago, CRITICAL again 2 h
 * ago and in downtime for the last hour: 21 h operational, 2 h failed, 1 h downtime.
 */
async function seed(prisma: PrismaClient) {
  const template = await prisma.hostTemplate.create({ data: { name: "Web" } });
  const [web1, web2] = await Promise.all(["web1", "web2"].map((name) => prisma.host.create({ data: { name } })));
  const component = await prisma.component.create({
    data: {
      name: "Web servers",
      hostTemplateId: template.id,
      requiredOnline: 2,
      createdAt: at(48),
      hosts: { create: [{ hostId: web1.id, position: 0 }, { hostId: web2.id, position: 1 }] },
    },
  });
  const shop = await prisma.businessService.create({
    data: { name: "Shop", createdAt: at(48), components: { create: [{ componentId: component.id, position: 0 }] } },
  });
  const late = await prisma.businessService.create({
    data: { name: "Late", createdAt: at(0.5), components: { create: [{ componentId: component.id, position: 0 }] } },
  });
  await prisma.serviceCheck.createMany({
    data: [
      { hostId: web1.id, name: "HTTP", state: "CRITICAL", acknowledged: false, inDowntime: true, contributingTemplates: ["Web"] },
      // Not contributed by Web: never counts for this component, even though it is CRITICAL all along.
      { hostId: web2.id, name: "Replication", state: "CRITICAL", contributingTemplates: ["Db"] },
      { hostId: web2.id, name: "HTTP", state: "OK", contributingTemplates: ["Web"] },
    ],
  });
  await prisma.checkStateChange.createMany({
    data: [
      { host: "web1", check: "HTTP", at: at(40), state: "OK", acknowledged: false, inDowntime: false },
      { host: "web1", check: "HTTP", at: at(30), state: "CRITICAL", acknowledged: false, inDowntime: false },
      { host: "web1", check: "HTTP", at: at(23), state: "OK", acknowledged: false, inDowntime: false },
      { host: "web1", check: "HTTP", at: at(2), state: "CRITICAL", acknowledged: false, inDowntime: false },
      { host: "web1", check: "HTTP", at: at(1), state: "CRITICAL", acknowledged: false, inDowntime: true },
      // After "now": ignored.
      { host: "web1", check: "HTTP", at: at(-1), state: "OK", acknowledged: false, inDowntime: false },
    ],
  });
  return { componentId: String(component.id), shopId: String(shop.id), lateId: String(late.id) };
}

describe.each(RUNTIMES)("24-hour availability from stored history on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    database = await freshDatabase();
    ids = await seed(database.prisma);
  }, 60_000);

  it("counts the change before the window, failures, downtime and creation time exactly", async () => {
    const report = await loadAvailability(database.prisma, { now: NOW });
    expect(report.from).toBe(NOW - 24 * HOUR);
    const web1 = report.componentHosts.find((host) => host.host === "web1");
    expect(web1).toMatchObject({ componentId: ids.componentId, availability: 87.5, failedMs: 2 * HOUR, downtimeMs: HOUR });
    expect(report.componentHosts.find((host) => host.host === "web2")?.availability).toBe(100);
    expect(report.components).toEqual([expect.objectContaining({ id: ids.componentId, availability: 87.5, failedMs: 2 * HOUR, downtimeMs: HOUR })]);
    const byId = new Map(report.businessServices.map((service) => [service.id, service]));
    expect(byId.get(ids.shopId)).toMatchObject({ availability: 87.5, failedMs: 2 * HOUR, downtimeMs: HOUR });
    // Before its creation 30 minutes ago the service counts as operational: 23.5 h of 24.
    expect(byId.get(ids.lateId)).toMatchObject({ availability: 97.92, downtimeMs: HOUR / 2, failedMs: 0 });
  });

  it("can leave downtime out of the denominator", async () => {
    const report = await loadAvailability(database.prisma, { now: NOW, excludeDowntime: true });
    expect(report.components[0].availability).toBe(91.3); // 21 h of 23 h
    expect(report.businessServices.find((service) => service.id === ids.lateId)?.availability).toBe(100);
  });

  it("returns timelines and can be restricted to one service", async () => {
    const report = await loadAvailability(database.prisma, { now: NOW, includeTimelines: true, scope: { businessServiceIds: [ids.shopId] } });
    expect(report.businessServices.map((service) => service.id)).toEqual([ids.shopId]);
    expect(report.components.map((component) => component.id)).toEqual([ids.componentId]);
    expect(report.businessServices[0].timeline).toEqual([
      { from: NOW - 24 * HOUR, to: NOW - 23 * HOUR, state: "OFFLINE" },
      { from: NOW - 23 * HOUR, to: NOW - 2 * HOUR, state: "OPERATIONAL" },
      { from: NOW - 2 * HOUR, to: NOW - HOUR, state: "OFFLINE" },
      { from: NOW - HOUR, to: NOW, state: "DOWNTIME" },
    ]);
  });

  it("loads the checks of more hosts than a statement takes bind parameters (50,000)", async () => {
    const hosts = [...Array.from({ length: 50_000 }, (_, index) => `absent-${index}`), "web2"];
    const checks = await loadChecks(database.prisma, hosts);
    expect(checks.map((check) => `${check.host}/${check.name}/${check.state}/${check.hostTemplates.join(",")}`).sort()).toEqual([
      "web2/HTTP/OK/Web",
      "web2/Replication/CRITICAL/Db",
    ]);
  });

  it("answers 100% for an estate without history", async () => {
    const report = await loadAvailability(database.prisma, { now: NOW - 60 * 24 * HOUR });
    expect(report.businessServices.every((service) => service.availability === 100)).toBe(true);
  });
});
