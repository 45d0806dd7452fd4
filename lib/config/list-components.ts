import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { operationalZonePercent } from "../bsm";

export interface ComponentConfigView {
  id: number;
  name: string;
  hostTemplate: { id: number; name: string };
  hosts: { id: number; name: string }[];
  requiredOnline: number;
  hostsCount: number;
  operationalZonePercent: number;
}

/** The components the user may see, by name, as the configuration screen and API show them. */
export async function listComponents(prisma: PrismaClient, access: Access): Promise<ComponentConfigView[]> {
  const components = await prisma.component.findMany({
    where: { id: { in: access.visibleComponentIds() } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      requiredOnline: true,
      hostTemplate: { select: { id: true, name: true } },
      hosts: { orderBy: { position: "asc" }, select: { host: { select: { id: true, name: true } } } },
    },
  });
  return components.map((component) => {
    const hostsCount = component.hosts.length;
    const requiredOnline = Math.min(component.requiredOnline, hostsCount);
    return {
      id: component.id,
      name: component.name,
      hostTemplate: component.hostTemplate,
      hosts: component.hosts.map((link) => link.host),
      requiredOnline,
      hostsCount,
      operationalZonePercent: operationalZonePercent(requiredOnline, hostsCount),
    };
  });
}
