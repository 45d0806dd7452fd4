import type { PrismaClient } from "@prisma/client";
import type { ServiceState } from "../bsm";
import type { Access } from "../auth/access";
import { businessServiceRef } from "./bsm-object";
import { loadComponentLayers, type ComponentLayerView } from "./component-layers";
import { loadStoredStatuses } from "./stored-statuses";

export interface RelatedServiceView {
  id: number;
  name: string;
  state: ServiceState;
  acknowledged: boolean;
  impacted: boolean;
  stateSince: string | null;
}

export interface ComponentDetailView extends ComponentLayerView {
  /** Plain text from the configuration ("" when none). */
  notes: string;
  /** Every business service the component belongs to that the user may see. */
  services: RelatedServiceView[];
}

/** The BSM Component view: hosts most severe first with their failing checks, and its business services. */
export async function getComponentView(prisma: PrismaClient, access: Access, componentId: number): Promise<ComponentDetailView | null> {
  if (!access.canSeeComponent(componentId)) return null;
  const [memberships, own] = await Promise.all([
    prisma.businessServiceComponent.findMany({
      where: { componentId },
      select: { businessService: { select: { id: true, name: true } } },
      orderBy: { businessService: { name: "asc" } },
    }),
    prisma.component.findUnique({ where: { id: componentId }, select: { notes: true } }),
  ]);
  if (own === null) return null;
  const services = memberships.map((membership) => membership.businessService).filter((service) => access.canSeeService(service.id));
  const [statuses, [layer]] = await Promise.all([
    loadStoredStatuses(prisma, { serviceIds: services.map((service) => service.id) }),
    loadComponentLayers(prisma, access, [componentId], { hostOrder: "severity", withFailingChecks: true }),
  ]);
  if (layer === undefined) return null;
  return {
    ...layer,
    notes: own.notes,
    services: services.map((service) => ({
      id: service.id,
      name: service.name,
      ...statuses.businessService(service.id),
      stateSince: statuses.stateSince(businessServiceRef(service.id)),
    })),
  };
}
