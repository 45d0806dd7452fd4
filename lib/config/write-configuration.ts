import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { recordAudit, type AuditActor, type SystemActor } from "../audit/record-audit";

/**
 * The configuration's writes, inside a caller's transaction, each with its audit entry: the
 * editors (create/update/delete-*.ts) and the document import (document/) both write through these,
 * after they have checked what they were given.
 */
type Tx = Prisma.TransactionClient;
type Author = AuditActor | SystemActor;

export type ComponentWrite = {
  name: string;
  hostTemplateId: number;
  hostIds: number[];
  requiredOnline: number;
  /** Left out: a new component has none, a changed one keeps its own. */
  notes?: string;
  /** The membership rule's conditions (docs/membership-rules.md §1); left out as notes are. */
  ruleHostGroup?: string | null;
  ruleNamePattern?: string | null;
};

export type BusinessServiceWrite = {
  name: string;
  componentIds: number[];
  /** Left out: a new service has none, a changed one keeps its own. */
  notes?: string;
};

export type StoredComponent = {
  name: string;
  hostTemplateId: number;
  requiredOnline: number;
  notes: string;
  ruleHostGroup: string | null;
  ruleNamePattern: string | null;
  hostIds: number[];
};

export type StoredBusinessService = {
  name: string;
  notes: string;
  componentIds: number[];
};

export async function readStoredComponent(tx: Tx, componentId: number): Promise<StoredComponent | null> {
  const found = await tx.component.findUnique({
    where: { id: componentId },
    select: { name: true, hostTemplateId: true, requiredOnline: true, notes: true, ruleHostGroup: true, ruleNamePattern: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } },
  });
  if (!found) return null;
  const { hosts, ...rest } = found;
  return { ...rest, hostIds: hosts.map((link) => link.hostId) };
}

export async function readStoredBusinessService(tx: Tx, serviceId: number): Promise<StoredBusinessService | null> {
  const found = await tx.businessService.findUnique({
    where: { id: serviceId },
    select: { name: true, notes: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } },
  });
  if (!found) return null;
  return { name: found.name, notes: found.notes, componentIds: found.components.map((link) => link.componentId) };
}

export async function insertComponent(tx: Tx, author: Author, input: ComponentWrite): Promise<number> {
  const { id } = await tx.component.create({
    data: {
      name: input.name,
      hostTemplateId: input.hostTemplateId,
      requiredOnline: input.requiredOnline,
      notes: input.notes ?? "",
      ruleHostGroup: input.ruleHostGroup ?? null,
      ruleNamePattern: input.ruleNamePattern ?? null,
      hosts: { create: input.hostIds.map((hostId, position) => ({ hostId, position })) },
    },
    select: { id: true },
  });
  await recordAudit(tx, author, { action: "component.create", target: `component:${id}`, detail: input });
  return id;
}

export async function replaceComponent(tx: Tx, author: Author, componentId: number, before: StoredComponent, input: ComponentWrite): Promise<void> {
  await tx.componentHost.deleteMany({ where: { componentId } });
  await tx.component.update({
    where: { id: componentId },
    data: {
      name: input.name,
      hostTemplateId: input.hostTemplateId,
      requiredOnline: input.requiredOnline,
      notes: input.notes,
      ruleHostGroup: input.ruleHostGroup,
      ruleNamePattern: input.ruleNamePattern,
      hosts: { create: input.hostIds.map((hostId, position) => ({ hostId, position })) },
    },
  });
  const ruleChanged =
    before.hostTemplateId !== input.hostTemplateId ||
    (input.ruleHostGroup !== undefined && input.ruleHostGroup !== before.ruleHostGroup) ||
    (input.ruleNamePattern !== undefined && input.ruleNamePattern !== before.ruleNamePattern);
  // Changes found for the old rule may no longer hold: the next poll finds the new rule's own.
  if (ruleChanged) await tx.componentMembershipChange.deleteMany({ where: { componentId } });
  await recordAudit(tx, author, { action: "component.update", target: `component:${componentId}`, detail: { before, after: input } });
}

/** Deletes the component; the services that used it (usedBy) lose it. */
export async function removeComponent(tx: Tx, author: Author, componentId: number, name: string, usedBy: readonly { id: number; name: string }[]): Promise<void> {
  await tx.component.delete({ where: { id: componentId } });
  // Services lose a member: touch them so the poller's configuration fingerprint changes.
  await tx.businessService.updateMany({ where: { id: { in: usedBy.map((service) => service.id) } }, data: { updatedAt: new Date() } });
  await recordAudit(tx, author, { action: "component.delete", target: `component:${componentId}`, detail: { name, removedFrom: usedBy.map((service) => service.name) } });
}

/** Creates the service; a non-admin creator's role is granted the right to see and edit it. */
export async function insertBusinessService(tx: Tx, author: Author, access: Access, input: BusinessServiceWrite): Promise<number> {
  const { id } = await tx.businessService.create({
    data: { name: input.name, notes: input.notes ?? "", components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } },
    select: { id: true },
  });
  if (!access.has("administer") && author.id !== null) {
    const { roleId } = await tx.user.findUniqueOrThrow({ where: { id: author.id }, select: { roleId: true } });
    if (roleId !== null) await tx.roleBusinessService.create({ data: { roleId, businessServiceId: id, canEdit: true } });
  }
  await recordAudit(tx, author, { action: "businessService.create", target: `businessService:${id}`, detail: input });
  return id;
}

export async function replaceBusinessService(tx: Tx, author: Author, serviceId: number, before: StoredBusinessService, input: BusinessServiceWrite): Promise<void> {
  await tx.businessServiceComponent.deleteMany({ where: { businessServiceId: serviceId } });
  await tx.businessService.update({
    where: { id: serviceId },
    data: { name: input.name, notes: input.notes, components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } },
  });
  await recordAudit(tx, author, { action: "businessService.update", target: `businessService:${serviceId}`, detail: { before, after: input } });
}

export async function removeBusinessService(tx: Tx, author: Author, serviceId: number, name: string): Promise<void> {
  await tx.businessService.delete({ where: { id: serviceId } });
  await recordAudit(tx, author, { action: "businessService.delete", target: `businessService:${serviceId}`, detail: { name } });
}
