import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { zoneFigures } from "../bsm";
import { componentDeleteRefusal, componentEditRefusal } from "./component-change-refusal";

export interface ComponentConfigView {
  id: number;
  name: string;
  notes: string;
  hostTemplate: { id: number; name: string };
  /** False for a component seen only top down: its hosts are then left out (hostsCount still counts them). */
  hostsVisible: boolean;
  hosts: { id: number; name: string }[];
  requiredOnline: number;
  hostsCount: number;
  operationalZonePercent: number;
  /** The membership rule (docs/membership-rules.md §1); null when the hosts are a fixed list. */
  rule: { hostGroup: string | null; namePattern: string | null } | null;
  /** Changes the rule found that wait for review (dismissed ones left out). */
  pendingMembershipChanges: number;
  /** Why the user may not change or delete it; null when they may. */
  editRefusal: string | null;
  deleteRefusal: string | null;
  /** The business services using it that the user may see, by name: deleting it removes it from them. */
  usedBy: { id: number; name: string }[];
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
      notes: true,
      ruleHostGroup: true,
      ruleNamePattern: true,
      _count: { select: { membershipChanges: { where: { dismissedAt: null } } } },
      hostTemplate: { select: { id: true, name: true } },
      hosts: { orderBy: { position: "asc" }, select: { host: { select: { id: true, name: true } } } },
      services: { orderBy: { businessService: { name: "asc" } }, select: { businessService: { select: { id: true, name: true } } } },
    },
  });
  return components.map((component) => {
    const hostsCount = component.hosts.length;
    const { requiredOnline, operationalZonePercent } = zoneFigures(component.requiredOnline, hostsCount);
    const hostsVisible = access.canSeeComponentHosts(component.id);
    return {
      id: component.id,
      name: component.name,
      notes: component.notes,
      hostTemplate: component.hostTemplate,
      rule: component.ruleHostGroup === null && component.ruleNamePattern === null ? null : { hostGroup: component.ruleHostGroup, namePattern: component.ruleNamePattern },
      pendingMembershipChanges: component._count.membershipChanges,
      hostsVisible,
      hosts: hostsVisible ? component.hosts.map((link) => link.host) : [],
      requiredOnline,
      hostsCount,
      operationalZonePercent,
      editRefusal: componentEditRefusal(access, component.id),
      deleteRefusal: componentDeleteRefusal(
        access,
        component.id,
        component.services.map((link) => link.businessService.id),
      ),
      usedBy: component.services.map((link) => link.businessService).filter((service) => access.canSeeService(service.id)),
    };
  });
}
