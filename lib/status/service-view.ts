import type { PrismaClient } from "@prisma/client";
import { computeBusinessServiceStatus } from "../bsm";
import type { Access } from "../auth/access";
import { businessServiceRef } from "./bsm-object";
import type { BusinessServiceStatusView } from "./list-business-service-statuses";
import { loadComponentLayers, type ComponentLayerView } from "./component-layers";
import { loadStoredStatuses } from "./stored-statuses";

export interface ServiceDetailView extends Omit<BusinessServiceStatusView, "id"> {
  id: number;
  availability: number;
  /** Plain text from the configuration ("" when none). */
  notes: string;
  /** Configured order; a component the user may not see is null (shown as a grey box). */
  components: (ComponentLayerView | null)[];
}

/** The BSM Service view: the service, its components as layers, their hosts in zone order. Null when unknown or not visible. */
export async function getServiceView(prisma: PrismaClient, access: Access, serviceId: number): Promise<ServiceDetailView | null> {
  if (!access.canSeeService(serviceId)) return null;
  const service = await prisma.businessService.findUnique({
    where: { id: serviceId },
    select: { id: true, name: true, notes: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } },
  });
  if (service === null) return null;
  const componentIds = service.components.map((membership) => membership.componentId);
  const [statuses, layers] = await Promise.all([
    loadStoredStatuses(prisma, { componentIds, serviceIds: [serviceId] }),
    loadComponentLayers(prisma, access, componentIds, { hostOrder: "zone", withFailingChecks: false }),
  ]);
  const layerOf = new Map(layers.map((layer) => [layer.id, layer]));
  const own = statuses.businessService(serviceId);
  const { componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged } =
    statuses.serviceCounts(serviceId) ?? computeBusinessServiceStatus(componentIds.map((id) => statuses.component(id)));
  return {
    id: service.id,
    name: service.name,
    state: own.state,
    acknowledged: own.acknowledged,
    impacted: own.impacted,
    stateSince: statuses.stateSince(businessServiceRef(serviceId)),
    componentsTotal,
    componentsFailed,
    componentsImpacted,
    componentsDowntime,
    componentsAcknowledged,
    availability: statuses.figures(businessServiceRef(serviceId)).availability,
    notes: service.notes,
    components: componentIds.map((id) => (access.canSeeComponent(id) ? (layerOf.get(id) ?? null) : null)),
  };
}
