import type { PrismaClient } from "@prisma/client";
import { recordAudit } from "../audit/record-audit";
import type { Access } from "../auth/access";
import type { ConfigContext } from "../config/context";
import { NotFoundError } from "../errors/app-error";
import { canSeeObject, objectRefKey, type BsmObjectRef } from "../status/bsm-object";
import { resolveInput } from "../validation/deferred-input";
import { excludedPeriodInput, objectOfExcludedPeriodInput, parseSlaInput } from "./inputs";
import { canEditSla, requireSlaEditable, requireVisibleObject, slaRef } from "./targets";

export interface ExcludedPeriodResource {
  id: number;
  objectType: "BUSINESS_SERVICE" | "COMPONENT";
  objectId: number;
  from: string;
  to: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
  /** Whether the caller may delete it. */
  canDelete: boolean;
}

const select = { id: true, objectType: true, objectKey: true, from: true, to: true, reason: true, createdAt: true, createdBy: { select: { email: true } } } as const;

function toResource(
  row: { id: number; objectType: string; objectKey: string; from: Date; to: Date; reason: string; createdAt: Date; createdBy: { email: string } | null },
  access: Access,
): ExcludedPeriodResource {
  const objectType = row.objectType === "COMPONENT" ? "COMPONENT" : "BUSINESS_SERVICE";
  return {
    id: row.id,
    objectType,
    objectId: Number(row.objectKey),
    from: row.from.toISOString(),
    to: row.to.toISOString(),
    reason: row.reason,
    createdBy: row.createdBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    canDelete: canEditSla(access, slaRef(objectType, Number(row.objectKey))),
  };
}

/** The object's excluded periods, newest first (404 for an object the caller may not see). */
export async function listExcludedPeriods(prisma: PrismaClient, access: Access, ref: BsmObjectRef): Promise<ExcludedPeriodResource[]> {
  await requireVisibleObject(prisma, access, ref);
  const rows = await prisma.excludedPeriod.findMany({ where: { objectType: ref.objectType, objectKey: ref.objectKey }, orderBy: { from: "desc" }, select });
  return rows.map((row) => toResource(row, access));
}

/** Marks a period of an object as excluded from its figures; audited. */
export async function createExcludedPeriod({ prisma, user, access }: ConfigContext, raw: unknown): Promise<ExcludedPeriodResource> {
  const given = await resolveInput(raw);
  const named = objectOfExcludedPeriodInput(given);
  if (named !== null) await requireSlaEditable(prisma, access, named);
  const input = parseSlaInput(excludedPeriodInput, given);
  const ref = slaRef(input.objectType, input.objectId);
  return prisma.$transaction(async (tx) => {
    const row = await tx.excludedPeriod.create({
      data: { objectType: ref.objectType, objectKey: ref.objectKey, from: new Date(input.from), to: new Date(input.to), reason: input.reason, createdById: user.id },
      select,
    });
    await recordAudit(tx, user, {
      action: "excluded-period.create",
      target: objectRefKey(ref).toLowerCase(),
      detail: { id: row.id, from: row.from.toISOString(), to: row.to.toISOString(), reason: row.reason },
    });
    return toResource(row, access);
  });
}

/** Deletes one; 404 when it does not exist or its object is hidden from the caller. */
export async function deleteExcludedPeriod({ prisma, user, access }: ConfigContext, id: number): Promise<void> {
  const row = await prisma.excludedPeriod.findUnique({ where: { id }, select });
  const ref = row === null ? null : { objectType: row.objectType, objectKey: row.objectKey };
  if (row === null || ref === null || !canSeeObject(access, ref)) throw new NotFoundError(`No excluded period with id ${id} (or it is hidden from you)`);
  await requireSlaEditable(prisma, access, ref);
  await prisma.$transaction(async (tx) => {
    await tx.excludedPeriod.delete({ where: { id } });
    await recordAudit(tx, user, {
      action: "excluded-period.delete",
      target: objectRefKey(ref).toLowerCase(),
      detail: { id, from: row.from.toISOString(), to: row.to.toISOString(), reason: row.reason },
    });
  });
}
