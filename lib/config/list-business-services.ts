import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { zoneFigures } from "../bsm";

/** A component as a business service lists it; the figures are null ("Unavailable") when the user may not see its hosts. */
export interface ServiceComponentView {
  id: number;
  name: string;
  visible: boolean;
  hostsCount: number | null;
  operationalZonePercent: number | null;
}

export interface BusinessServiceConfigView {
  id: number;
  name: string;
  notes: string;
  canEdit: boolean;
  components: ServiceComponentView[];
}

/** The business services the user may see, by name, each with its ordered components. */
export async function listBusinessServices(prisma: PrismaClient, access: Access): Promise<BusinessServiceConfigView[]> {
  const services = await prisma.businessService.findMany({
    where: { id: { in: access.visibleServiceIds() } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      notes: true,
      components: {
        orderBy: { position: "asc" },
        select: { component: { select: { id: true, name: true, requiredOnline: true, _count: { select: { hosts: true } } } } },
      },
    },
  });
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    notes: service.notes,
    canEdit: access.canEditService(service.id),
    components: service.components.map(({ component }) => {
      const visible = access.canSeeComponentHosts(component.id);
      const hostsCount = component._count.hosts;
      return {
        id: component.id,
        name: component.name,
        visible,
        hostsCount: visible ? hostsCount : null,
        operationalZonePercent: visible ? zoneFigures(component.requiredOnline, hostsCount).operationalZonePercent : null,
      };
    }),
  }));
}
