import type { PrismaClient, SlaPeriod } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import type { ConfigContext } from "../config/context";
import { requireEditableService } from "../config/require-editable-service";
import { NotFoundError } from "../errors/app-error";
import { canSeeObject, objectRefKey, type BsmObjectRef } from "../status/bsm-object";
import { resolveInput } from "../validation/deferred-input";
import { parseSlaInput, slaTargetInput, type SlaObjectType } from "./inputs";

export interface SlaTarget {
  readonly objectType: SlaObjectType;
  readonly objectKey: string;
  readonly targetPercent: number;
  readonly period: SlaPeriod;
  readonly countDowntime: boolean;
  readonly timeZone: string;
}

const targetSelect = { objectType: true, objectKey: true, targetPercent: true, period: true, countDowntime: true, timeZone: true } as const;

function toTarget(row: { objectType: string; objectKey: string; targetPercent: number; period: SlaPeriod; countDowntime: boolean; timeZone: string }): SlaTarget {
  return { ...row, objectType: row.objectType === "COMPONENT" ? "COMPONENT" : "BUSINESS_SERVICE" };
}

/** Every SLA target, by objectRefKey ("BUSINESS_SERVICE:12"). */
export async function loadSlaTargets(prisma: PrismaClient): Promise<Map<string, SlaTarget>> {
  const rows = await prisma.slaTarget.findMany({ select: targetSelect });
  return new Map(rows.map((row) => [objectRefKey(row), toTarget(row)]));
}

export async function findSlaTarget(prisma: PrismaClient, ref: BsmObjectRef): Promise<SlaTarget | null> {
  const row = await prisma.slaTarget.findUnique({ where: { objectType_objectKey: { objectType: ref.objectType, objectKey: ref.objectKey } }, select: targetSelect });
  return row === null ? null : toTarget(row);
}

export function slaRef(objectType: SlaObjectType, id: number): BsmObjectRef {
  return { objectType, objectKey: String(id) };
}

export function describeObject(ref: BsmObjectRef): string {
  return `${ref.objectType === "COMPONENT" ? "component" : "business service"} with id ${ref.objectKey}`;
}

/** 404 unless the object is a business service or component that exists and the caller may see. */
export async function requireVisibleObject(prisma: PrismaClient, access: Access, ref: BsmObjectRef): Promise<void> {
  const id = Number(ref.objectKey);
  const exists =
    ref.objectType !== "COMPONENT_HOST" &&
    canSeeObject(access, ref) &&
    (ref.objectType === "COMPONENT" ? await prisma.component.count({ where: { id } }) : await prisma.businessService.count({ where: { id } })) > 0;
  if (!exists) throw new NotFoundError(`No ${describeObject(ref)} (or it is hidden from you)`);
}

/**
 * May the caller change the object's SLA target and excluded periods: CONFIGUREBSM, and a business
 * service they may edit (top down) or a component they may see (docs/sla.md §5).
 */
export async function requireSlaEditable(prisma: PrismaClient, access: Access, ref: BsmObjectRef): Promise<void> {
  await requireVisibleObject(prisma, access, ref);
  requireCapability(access, "configureBsm");
  if (ref.objectType === "BUSINESS_SERVICE") requireEditableService(access, Number(ref.objectKey));
}

/** Whether requireSlaEditable would let the caller through (for pages, after they know the object is visible). */
export function canEditSla(access: Access, ref: BsmObjectRef): boolean {
  if (!access.has("configureBsm")) return false;
  return ref.objectType === "BUSINESS_SERVICE" ? access.canEditService(Number(ref.objectKey)) : access.canSeeComponent(Number(ref.objectKey));
}

/** Creates or replaces the object's SLA target; audited. */
export async function setSlaTarget({ prisma, user, access }: ConfigContext, ref: BsmObjectRef, raw: unknown): Promise<SlaTarget> {
  await requireSlaEditable(prisma, access, ref);
  const input = parseSlaInput(slaTargetInput, await resolveInput(raw));
  return prisma.$transaction(async (tx) => {
    const where = { objectType_objectKey: { objectType: ref.objectType, objectKey: ref.objectKey } };
    const before = await tx.slaTarget.findUnique({ where, select: targetSelect });
    const row = await tx.slaTarget.upsert({ where, create: { ...where.objectType_objectKey, ...input }, update: input, select: targetSelect });
    await recordAudit(tx, user, { action: "sla.set", target: objectRefKey(ref).toLowerCase(), detail: { before, after: input } });
    return toTarget(row);
  });
}

/** Removes the object's SLA target (nothing to remove is fine); audited when there was one. */
export async function removeSlaTarget({ prisma, user, access }: ConfigContext, ref: BsmObjectRef): Promise<void> {
  await requireSlaEditable(prisma, access, ref);
  await prisma.$transaction(async (tx) => {
    const where = { objectType: ref.objectType, objectKey: ref.objectKey };
    const before = await tx.slaTarget.findUnique({ where: { objectType_objectKey: where }, select: targetSelect });
    if (before === null) return;
    await tx.slaTarget.delete({ where: { objectType_objectKey: where } });
    await recordAudit(tx, user, { action: "sla.remove", target: objectRefKey(ref).toLowerCase(), detail: { before } });
  });
}
