import type { PrismaClient } from "@prisma/client";
import type { HostState, ServiceState, StatusFlags } from "../bsm";

export type StoredObjectType = "COMPONENT_HOST" | "COMPONENT" | "BUSINESS_SERVICE";

/** The poller's last computed statuses (BsmObjectStatus); an object without a row is OPERATIONAL. */
export class ObjectStatusBook {
  private readonly rows = new Map<string, StatusFlags<HostState | ServiceState>>();

  constructor(rows: readonly { objectType: string; objectKey: string; state: string; acknowledged: boolean; impacted: boolean }[]) {
    for (const row of rows) {
      this.rows.set(`${row.objectType}:${row.objectKey}`, { state: row.state as HostState, acknowledged: row.acknowledged, impacted: row.impacted });
    }
  }

  componentHost(componentId: number, host: string): StatusFlags<HostState> {
    return this.flags<HostState>("COMPONENT_HOST", `${componentId}:${host}`, HOST_STATES);
  }

  component(componentId: number): StatusFlags<HostState> {
    return this.flags<HostState>("COMPONENT", String(componentId), HOST_STATES);
  }

  businessService(serviceId: number): StatusFlags<ServiceState> {
    return this.flags<ServiceState>("BUSINESS_SERVICE", String(serviceId), SERVICE_STATES);
  }

  private flags<S extends HostState | ServiceState>(type: StoredObjectType, key: string, allowed: readonly S[]): StatusFlags<S> {
    const row = this.rows.get(`${type}:${key}`);
    if (row === undefined || !allowed.includes(row.state as S)) return { state: "OPERATIONAL" as S, acknowledged: false, impacted: false };
    return row as StatusFlags<S>;
  }
}

const HOST_STATES: readonly HostState[] = ["OPERATIONAL", "FAILED", "DOWNTIME"];
const SERVICE_STATES: readonly ServiceState[] = ["OPERATIONAL", "OFFLINE", "DOWNTIME"];

/** Statuses of the given components (with their hosts) and services. */
export async function loadObjectStatusBook(
  prisma: PrismaClient,
  scope: { componentIds?: readonly number[]; serviceIds?: readonly number[] },
): Promise<ObjectStatusBook> {
  const componentKeys = (scope.componentIds ?? []).map(String);
  const rows = await prisma.bsmObjectStatus.findMany({
    where: {
      OR: [
        { objectType: "COMPONENT", objectKey: { in: componentKeys } },
        { objectType: "BUSINESS_SERVICE", objectKey: { in: (scope.serviceIds ?? []).map(String) } },
        ...componentKeys.map((key) => ({ objectType: "COMPONENT_HOST" as const, objectKey: { startsWith: `${key}:` } })),
      ],
    },
    select: { objectType: true, objectKey: true, state: true, acknowledged: true, impacted: true },
  });
  return new ObjectStatusBook(rows);
}
