import type { PrismaClient } from "@prisma/client";
import type { BsmState, HostState, ServiceState, StatusFlags } from "../bsm";
import { businessServiceRef, componentHostKey, componentHostRef, componentRef, isHostState, isServiceState, objectRefKey, type BsmObjectRef } from "./bsm-object";

/** The stored statuses (BsmObjectStatus) the poller last computed for some objects; an object without a row is OPERATIONAL. */
export class StoredStatuses {
  private readonly rows = new Map<string, StatusFlags<BsmState>>();

  constructor(rows: readonly (BsmObjectRef & StatusFlags<BsmState>)[]) {
    for (const row of rows) this.rows.set(objectRefKey(row), { state: row.state, acknowledged: row.acknowledged, impacted: row.impacted });
  }

  componentHost(componentId: number, host: string): StatusFlags<HostState> {
    return this.flags(componentHostRef(componentId, host), isHostState);
  }

  component(componentId: number): StatusFlags<HostState> {
    return this.flags(componentRef(componentId), isHostState);
  }

  businessService(serviceId: number): StatusFlags<ServiceState> {
    return this.flags(businessServiceRef(serviceId), isServiceState);
  }

  /** A row in a state its object cannot be in counts as no row. */
  private flags<S extends BsmState>(ref: BsmObjectRef, isState: (state: string) => state is S): StatusFlags<S | "OPERATIONAL"> {
    const row = this.rows.get(objectRefKey(ref));
    if (row === undefined || !isState(row.state)) return { state: "OPERATIONAL", acknowledged: false, impacted: false };
    return { state: row.state, acknowledged: row.acknowledged, impacted: row.impacted };
  }
}

/** Statuses of the given components (with their hosts) and services. */
export async function loadStoredStatuses(
  prisma: PrismaClient,
  scope: { componentIds?: readonly number[]; serviceIds?: readonly number[] },
): Promise<StoredStatuses> {
  const componentKeys = (scope.componentIds ?? []).map(String);
  const rows = await prisma.bsmObjectStatus.findMany({
    where: {
      OR: [
        { objectType: "COMPONENT", objectKey: { in: componentKeys } },
        { objectType: "BUSINESS_SERVICE", objectKey: { in: (scope.serviceIds ?? []).map(String) } },
        ...componentKeys.map((key) => ({ objectType: "COMPONENT_HOST" as const, objectKey: { startsWith: componentHostKey(key, "") } })),
      ],
    },
    select: { objectType: true, objectKey: true, state: true, acknowledged: true, impacted: true },
  });
  return new StoredStatuses(rows);
}
