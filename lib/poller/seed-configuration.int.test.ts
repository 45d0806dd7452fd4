import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import type { SourceHost } from "../sources/types";
import { seedConfigurationIfEmpty } from "./seed-configuration";

const host = (name: string): SourceHost => ({ name, alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: "Web", priority: 1 }] });

describe.each(RUNTIMES)("seeding the configuration on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("creates many components and services in their order, once", async () => {
    const database = await freshDatabase();
    const hosts = Array.from({ length: 600 }, (_, index) => host(`web-${index}`));
    const components = Array.from({ length: 300 }, (_, index) => ({
      name: `Pool ${index}`,
      hostTemplate: "Web",
      hosts: [hosts[2 * index + 1].name, hosts[2 * index].name],
      requiredOnline: 1,
    }));
    const businessServices = Array.from({ length: 30 }, (_, index) => ({
      name: `Service ${index}`,
      components: components.slice(index * 10, index * 10 + 10).reverse().map((component) => component.name),
    }));
    expect(await seedConfigurationIfEmpty(database, { hosts, components, businessServices }, Date.now())).toBe(true);
    expect(await seedConfigurationIfEmpty(database, { hosts, components: components.slice(0, 1), businessServices: [] }, Date.now())).toBe(false);

    const pool7 = await database.prisma.component.findUniqueOrThrow({
      where: { name: "Pool 7" },
      include: { hosts: { orderBy: { position: "asc" }, include: { host: true } }, hostTemplate: true },
    });
    expect([pool7.hostTemplate.name, pool7.requiredOnline, pool7.hosts.map((member) => member.host.name)]).toEqual(["Web", 1, ["web-15", "web-14"]]);
    const service2 = await database.prisma.businessService.findUniqueOrThrow({
      where: { name: "Service 2" },
      include: { components: { orderBy: { position: "asc" }, include: { component: true } } },
    });
    expect(service2.components.map((member) => member.component.name)).toEqual(businessServices[2].components);
    expect(await database.prisma.componentHost.count()).toBe(600);
    expect(await database.prisma.businessServiceComponent.count()).toBe(300);
  });
});
