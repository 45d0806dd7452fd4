import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability, roleGrantsOf, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { isUniqueViolation, parseInput } from "../config/inputs";
import { NotFoundError, ValidationError } from "../errors/app-error";
import { isRecordId, recordId, storableText } from "../validation/fields";

export interface AdminContext {
  prisma: PrismaClient;
  user: AuditActor;
  access: Access;
}

const nameList = z.array(storableText().trim().min(1).max(200)).max(500);

export const roleInput = z
  .object({
    name: storableText().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    description: storableText().trim().max(500).default(""),
    bsmAccess: z.boolean(),
    viewAll: z.boolean(),
    allBusinessServices: z.boolean(),
    grantServicesOfComponents: z.boolean(),
    configureBsm: z.boolean(),
    configureBsmComponents: z.boolean(),
    /** ACTIONBSM: acknowledge and schedule downtime through the source; optional so older clients keep working. */
    actionBsm: z.boolean().default(false),
    hostGroups: nameList,
    keywords: nameList,
    /** Off: on hosts seen through a host group, only checks in one of serviceGroups (the host group/service group intersection). */
    allServiceGroups: z.boolean().default(true),
    serviceGroups: nameList.default([]),
    /** Authorised business services (top down); canEdit needs configureBsm to mean anything. */
    businessServices: z.array(z.object({ id: recordId(), canEdit: z.boolean() })),
  })
  .refine((role) => role.allServiceGroups || role.serviceGroups.length > 0, {
    path: ["serviceGroups"],
    message: "choose at least one service group, or tick All service groups",
  });
export type RoleInput = z.input<typeof roleInput>;

export interface RoleView {
  id: number;
  name: string;
  description: string;
  bsmAccess: boolean;
  viewAll: boolean;
  allBusinessServices: boolean;
  grantServicesOfComponents: boolean;
  configureBsm: boolean;
  configureBsmComponents: boolean;
  actionBsm: boolean;
  hostGroups: string[];
  keywords: string[];
  allServiceGroups: boolean;
  serviceGroups: string[];
  businessServices: { id: number; canEdit: boolean }[];
  userCount: number;
}

export async function listRoles(prisma: PrismaClient): Promise<RoleView[]> {
  const roles = await prisma.role.findMany({
    orderBy: { name: "asc" },
    include: { businessServices: { select: { businessServiceId: true, canEdit: true } }, _count: { select: { users: true } } },
  });
  return roles.map(({ businessServices, _count, ...role }) => ({
    id: role.id,
    name: role.name,
    description: role.description,
    ...roleGrantsOf(role),
    businessServices: businessServices.map((row) => ({ id: row.businessServiceId, canEdit: row.canEdit })),
    userCount: _count.users,
  }));
}

/** The service groups the monitoring data knows (of the checks stored now), for the role editor's choices. */
export async function listKnownServiceGroups(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>(
    Prisma.sql`SELECT DISTINCT unnest("serviceGroups") AS name FROM "ServiceCheck" ORDER BY name`,
  );
  return rows.map((row) => row.name);
}

/** Creates (roleId null) or replaces a role; administrators only. */
export async function saveRole({ prisma, user, access }: AdminContext, roleId: number | null, raw: unknown): Promise<{ id: number }> {
  requireCapability(access, "administer");
  const { businessServices, ...fields } = parseInput(roleInput, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const known = await tx.businessService.count({ where: { id: { in: businessServices.map((service) => service.id) } } });
      if (known !== new Set(businessServices.map((service) => service.id)).size) throw new ValidationError({ businessServices: "names a business service that does not exist" });
      const links = businessServices.map((service) => ({ businessServiceId: service.id, canEdit: service.canEdit }));
      let id: number;
      if (roleId === null) {
        id = (await tx.role.create({ data: { ...fields, businessServices: { create: links } }, select: { id: true } })).id;
      } else {
        if (!isRecordId(roleId) || !(await tx.role.findUnique({ where: { id: roleId }, select: { id: true } }))) throw new NotFoundError(`no role with id ${roleId}`);
        await tx.roleBusinessService.deleteMany({ where: { roleId } });
        await tx.role.update({ where: { id: roleId }, data: { ...fields, businessServices: { create: links } } });
        id = roleId;
      }
      await recordAudit(tx, user, { action: roleId === null ? "role.create" : "role.update", target: `role:${id}`, detail: { ...fields, businessServices } });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "another role already has this name" });
    throw error;
  }
}

/** Deletes a role; its users keep their accounts but lose BSM access until given another role. */
export async function deleteRole({ prisma, user, access }: AdminContext, roleId: number): Promise<void> {
  requireCapability(access, "administer");
  await prisma.$transaction(async (tx) => {
    const role = isRecordId(roleId) ? await tx.role.findUnique({ where: { id: roleId }, select: { name: true } }) : null;
    if (!role) throw new NotFoundError(`no role with id ${roleId}`);
    await tx.role.delete({ where: { id: roleId } });
    await recordAudit(tx, user, { action: "role.delete", target: `role:${roleId}`, detail: { name: role.name } });
  });
}
