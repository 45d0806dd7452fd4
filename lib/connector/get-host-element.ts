import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import type { ReflectStatus } from "../reflect";
import { isStorableText } from "../validation/fields";
import { visibleHostNames } from "./host-visibility";

const CHECK_SEVERITY: Record<string, number> = { CRITICAL: 0, UNKNOWN: 1, WARNING: 2, OK: 3 };

export interface HostElementDetail {
  host: string;
  elementType: string;
  createdAt: Date;
  reflect: { hostType: string; status: ReflectStatus; pending: boolean; removed: boolean; exportEnabled: boolean; message: string | null };
  source: { alias: string; address: string; hostGroups: string[]; removedAt: Date | null } | null;
  checks: { name: string; state: string; stateType: string; acknowledged: boolean; inDowntime: boolean; output: string; lastStateChange: Date | null; serviceGroups: string[] }[];
  components: { id: number; name: string }[];
  businessServices: { id: number; name: string }[];
  history: { id: string; at: Date; kind: string; hostType: string; cause: string; userEmail: string | null; message: string | null }[];
}

/** A host element's page: its checks, the components and business services it is in, its reflect history. */
export async function getHostElement(prisma: PrismaClient, access: Access, host: string): Promise<HostElementDetail | null> {
  if (!isStorableText(host) || !(await visibleHostNames(prisma, access, [host])).has(host)) return null;
  const element = await prisma.hostElement.findUnique({ where: { host }, include: { reflectedHost: true } });
  if (!element) return null;
  const [source, history] = await Promise.all([
    prisma.host.findUnique({
      where: { name: host },
      select: {
        alias: true,
        address: true,
        hostGroups: true,
        removedAt: true,
        serviceChecks: {
          select: { name: true, state: true, stateType: true, acknowledged: true, inDowntime: true, output: true, lastStateChange: true, serviceGroups: true },
          orderBy: { name: "asc" },
        },
        componentMemberships: {
          select: {
            component: {
              select: { id: true, name: true, services: { select: { businessService: { select: { id: true, name: true } } } } },
            },
          },
        },
      },
    }),
    prisma.hostReflectEvent.findMany({ where: { host }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 100 }),
  ]);
  const components = (source?.componentMemberships ?? []).map((membership) => membership.component).filter((component) => access.canSeeComponent(component.id));
  const services = new Map<number, { id: number; name: string }>();
  for (const component of components) {
    for (const { businessService } of component.services) if (access.canSeeService(businessService.id)) services.set(businessService.id, businessService);
  }
  const { reflectedHost } = element;
  return {
    host,
    elementType: element.hostType,
    createdAt: element.createdAt,
    reflect: {
      hostType: reflectedHost.hostType,
      status: reflectedHost.status,
      pending: reflectedHost.pending,
      removed: reflectedHost.removed,
      exportEnabled: reflectedHost.exportEnabled,
      message: reflectedHost.message,
    },
    source: source ? { alias: source.alias, address: source.address, hostGroups: source.hostGroups, removedAt: source.removedAt } : null,
    checks: [...(source?.serviceChecks ?? [])].sort((a, b) => CHECK_SEVERITY[a.state] - CHECK_SEVERITY[b.state] || a.name.localeCompare(b.name)),
    components: components.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    businessServices: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
    history: history.map((event) => ({ ...event, id: event.id.toString() })),
  };
}
