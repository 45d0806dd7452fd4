import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import type { SourceHost } from "../sources/types";
import { restrictConfig } from "../status/availability";
import { loadBsmConfig } from "./load-bsm-config";
import { seedConfigurationIfEmpty } from "./seed-configuration";

const host = (name: string): SourceHost => ({ name, alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: "Web", priority: 1 }] });

describe.each(RUNTIMES)("loading the configuration on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("gives every component and service with its members in position order, ids as strings", async () => {
    const database = await freshDatabase();
    const hosts = ["web-1", "web-2", "web-3", "web-4"].map(host);
    const at = Date.parse("2026-12-01T10:00:00.123Z");
    await seedConfigurationIfEmpty(
      database,
      {
        hosts,
        components: [
          { name: "Pool A", hostTemplate: "Web", hosts: ["web-3", "web-1", "web-2"], requiredOnline: 2 },
          { name: "Pool B", hostTemplate: "Web", hosts: ["web-4"], requiredOnline: 5 },
        ],
        businessServices: [{ name: "Shop", components: ["Pool B", "Pool A"] }],
      },
      at,
    );
    // A component and a service without members.
    const template = await database.prisma.hostTemplate.findUniqueOrThrow({ where: { name: "Web" } });
    await database.prisma.component.create({ data: { name: "Empty", hostTemplateId: template.id, requiredOnline: 1 } });
    await database.prisma.businessService.create({ data: { name: "Nothing" } });

    const config = await loadBsmConfig(database.prisma);
    const stored = await database.prisma.component.findMany({ select: { id: true, name: true, createdAt: true }, orderBy: { id: "asc" } });
    const services = await database.prisma.businessService.findMany({ select: { id: true, name: true, createdAt: true }, orderBy: { id: "asc" } });
    const idOf = (name: string) => String(stored.find((component) => component.name === name)!.id);

    expect(config.components).toEqual(
      stored.map((component) => ({
        id: String(component.id),
        name: component.name,
        hostTemplate: "Web",
        hosts: { "Pool A": ["web-3", "web-1", "web-2"], "Pool B": ["web-4"], Empty: [] }[component.name],
        // requiredOnline is capped by the number of hosts.
        requiredOnline: { "Pool A": 2, "Pool B": 1, Empty: 0 }[component.name],
        createdAt: component.createdAt.getTime(),
      })),
    );
    expect(config.businessServices).toEqual(
      services.map((service) => ({
        id: String(service.id),
        name: service.name,
        components: service.name === "Shop" ? [idOf("Pool B"), idOf("Pool A")] : [],
        createdAt: service.createdAt.getTime(),
      })),
    );

    // A scope: those services with their components, and those components; nothing else.
    const shop = String(services.find((service) => service.name === "Shop")!.id);
    for (const scope of [{ businessServiceIds: [shop] }, { componentIds: [idOf("Empty")] }, { businessServiceIds: [shop], componentIds: [idOf("Pool A"), "not-an-id"] }, {}]) {
      expect(await loadBsmConfig(database.prisma, scope)).toEqual(restrictConfig(config, scope));
    }
    expect((await loadBsmConfig(database.prisma, { businessServiceIds: [shop] })).components.map((component) => component.name)).toEqual(["Pool A", "Pool B"]);
  });
});
