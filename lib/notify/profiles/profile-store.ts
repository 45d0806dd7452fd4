// Rules: docs/notification-rules.md §1.2 (personal and shared profiles, who may save what).
import { Prisma, type NotificationProfile, type PrismaClient } from "@prisma/client";

import { requireCapability, type Access } from "../../auth/access";
import { recordAudit, type AuditActor } from "../../audit/record-audit";
import { ForbiddenError, ValidationError, type FieldErrors } from "../../errors/app-error";
import { isRecordId } from "../../validation/fields";
import { burnRateWindowsSchema } from "../burn-rate";
import { timePeriodSchema } from "../contract";
import type { ResolveHost } from "../methods/outbound-target";
import { loadOutboundPolicy } from "../outbound-policy-store";
import { checkMethodTargets } from "./check-method-targets";
import type { NotificationRules } from "../types";
import type { StoredProfileFields } from "./profile-form-values";
import { isTrigger, parseProfileInput, storedMethodsSchema, type ProfileInput, type StoredMethod } from "./profile-input";

export interface ProfileUser extends AuditActor {
  isAdmin: boolean;
}

type ProfileRow = NotificationProfile & { sharedWithRoles: { roleId: number }[] };

export interface StoredProfile extends StoredProfileFields {
  id: number;
  ownerId: string;
  rules: NotificationRules;
}

/** A stored row as typed fields; throws when the JSON columns were tampered with. */
export function readStoredProfile(row: ProfileRow): StoredProfile {
  const fields: StoredProfileFields = {
    name: row.name,
    shared: row.shared,
    sharedWithRoleIds: row.sharedWithRoles.map((link) => link.roleId),
    businessServiceIds: row.businessServiceIds,
    componentIds: row.componentIds,
    triggers: row.triggers.filter(isTrigger),
    availabilityThreshold: row.availabilityThreshold,
    sendRecovery: row.sendRecovery,
    renotifyMinutes: row.renotifyMinutes,
    alertFrom: row.alertFrom,
    stopAlertAfter: row.stopAlertAfter,
    timePeriod: timePeriodSchema.parse(row.timePeriod),
    includeNotes: row.includeNotes,
    methods: storedMethodsSchema.parse(row.methods),
    burnRateWindows: row.burnRateWindows === null ? null : burnRateWindowsSchema.parse(row.burnRateWindows),
  };
  const { triggers, availabilityThreshold, sendRecovery, renotifyMinutes, alertFrom, stopAlertAfter, timePeriod, burnRateWindows } = fields;
  return {
    ...fields,
    id: row.id,
    ownerId: row.ownerId,
    rules: { triggers, availabilityThreshold, sendRecovery, renotifyMinutes, alertFrom, stopAlertAfter, timePeriod, burnRateWindows: burnRateWindows ?? undefined },
  };
}

/** The business services and components a profile covers, as object references. */
export function coveredObjectsOf(profile: Pick<StoredProfile, "businessServiceIds" | "componentIds">): { objectType: "BUSINESS_SERVICE" | "COMPONENT"; objectKey: string }[] {
  return [
    ...profile.businessServiceIds.map((id) => ({ objectType: "BUSINESS_SERVICE" as const, objectKey: String(id) })),
    ...profile.componentIds.map((id) => ({ objectType: "COMPONENT" as const, objectKey: String(id) })),
  ];
}

export const PROFILE_INCLUDE = { sharedWithRoles: { select: { roleId: true } } } as const;

/** Personal profiles are their owner's; shared ones are managed by administrators. */
export function canManageProfile(profile: { ownerId: string; shared: boolean }, user: ProfileUser): boolean {
  return profile.shared ? user.isAdmin : profile.ownerId === user.id;
}

/** The profiles a user manages or receives: their own, shared ones for their role, and every shared one for admins. */
export async function listProfilesForUser(prisma: PrismaClient, user: ProfileUser): Promise<(StoredProfile & { ownerName: string })[]> {
  const account = await prisma.user.findUnique({ where: { id: user.id }, select: { roleId: true } });
  const rows = await prisma.notificationProfile.findMany({
    where: {
      OR: [
        { shared: false, ownerId: user.id },
        ...(user.isAdmin ? [{ shared: true }] : []),
        ...(account?.roleId != null ? [{ shared: true, sharedWithRoles: { some: { roleId: account.roleId } } }] : []),
      ],
    },
    include: { ...PROFILE_INCLUDE, owner: { select: { name: true } } },
    orderBy: [{ shared: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...readStoredProfile(row), ownerName: row.owner.name }));
}

export async function getManagedProfile(prisma: PrismaClient, user: ProfileUser, id: number): Promise<StoredProfile | null> {
  if (!isRecordId(id)) return null;
  const row = await prisma.notificationProfile.findUnique({ where: { id }, include: PROFILE_INCLUDE });
  if (!row || !canManageProfile(row, user)) return null;
  return readStoredProfile(row);
}

function checkPermissions(input: ProfileInput, access: Access): FieldErrors {
  const errors: FieldErrors = {};
  const administrator = access.has("administer");
  if (input.shared && !administrator) errors.shared = "Only administrators create shared profiles";
  input.methods.forEach((method, index) => {
    if (method.kind === "command" && !administrator) {
      errors[`methods.${index}.argv`] = "Only administrators may run commands on the server; use e-mail or a webhook";
    }
  });
  const hidden = [
    ...input.businessServiceIds.filter((id) => !access.canSeeService(id)).map((id) => `business service ${id}`),
    ...input.componentIds.filter((id) => !access.canSeeComponent(id)).map((id) => `component ${id}`),
  ];
  if (hidden.length > 0) errors.objects = `You may not see ${hidden.join(", ")}`;
  return errors;
}

function profileData(input: ProfileInput) {
  return {
    name: input.name,
    shared: input.shared,
    businessServiceIds: [...new Set(input.businessServiceIds)],
    componentIds: [...new Set(input.componentIds)],
    triggers: input.triggers,
    availabilityThreshold: input.availabilityThreshold,
    sendRecovery: input.sendRecovery,
    renotifyMinutes: input.renotifyMinutes,
    alertFrom: input.alertFrom,
    stopAlertAfter: input.stopAlertAfter,
    timePeriod: input.timePeriod as Prisma.InputJsonValue,
    includeNotes: input.includeNotes,
    methods: input.methods as Prisma.InputJsonValue,
    burnRateWindows: input.triggers.includes("burn") ? (input.burnRateWindows as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

/** An e-mail method saved with an empty password keeps the one stored at the same position. */
function keepStoredPasswords(methods: StoredMethod[], stored: StoredMethod[]): StoredMethod[] {
  return methods.map((method, index) => {
    const before = stored[index];
    return method.kind === "email" && method.password === "" && before?.kind === "email" ? { ...method, password: before.password } : method;
  });
}

/** What the audit log keeps of a profile: everything but method secrets. */
function auditDetail(input: ProfileInput): Prisma.InputJsonValue {
  return {
    ...profileData(input),
    burnRateWindows: input.triggers.includes("burn") ? input.burnRateWindows : null,
    sharedWithRoleIds: input.shared ? input.sharedWithRoleIds : [],
    methods: input.methods.map((method) => (method.kind === "email" ? { ...method, password: method.password ? "(set)" : "" } : method)),
  } as Prisma.InputJsonValue;
}

/**
 * Creates (no id) or updates a profile from the form's raw values. The owner must be allowed to see
 * every covered object; shared profiles and command methods need an administrator; webhook and SMTP
 * targets must pass the outbound policy. Returns the profile's id; bad input saves nothing (ValidationError).
 */
export async function saveProfile(
  prisma: PrismaClient,
  { user, access, id, raw, resolveHost }: { user: ProfileUser; access: Access; id: number | null; raw: unknown; resolveHost?: ResolveHost },
): Promise<number> {
  requireCapability(access, "bsm");
  const parsed = parseProfileInput(raw);
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const input = parsed.value;
  const fieldErrors = { ...(await checkMethodTargets(input.methods, await loadOutboundPolicy(prisma), resolveHost)), ...checkPermissions(input, access) };
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);

  const data = profileData(input);
  const roleLinks = input.shared ? [...new Set(input.sharedWithRoleIds)].map((roleId) => ({ roleId })) : [];
  return prisma.$transaction(async (tx) => {
    if (id === null) {
      const created = await tx.notificationProfile.create({
        data: { ...data, ownerId: user.id, sharedWithRoles: { create: roleLinks } },
      });
      await recordAudit(tx, user, { action: "notificationProfile.create", target: `notificationProfile:${created.id}`, detail: auditDetail(input) });
      return created.id;
    }
    const existing = isRecordId(id) ? await tx.notificationProfile.findUnique({ where: { id } }) : null;
    if (!existing || !canManageProfile(existing, user)) throw new ForbiddenError("You may not change this notification profile");
    if (existing.shared !== input.shared && !user.isAdmin) throw new ForbiddenError("Only administrators share profiles");
    const methods = keepStoredPasswords(input.methods, storedMethodsSchema.parse(existing.methods));
    await tx.notificationProfile.update({
      where: { id },
      data: { ...data, methods: methods as Prisma.InputJsonValue, sharedWithRoles: { deleteMany: {}, create: roleLinks } },
    });
    // Objects no longer covered start afresh if they are added back.
    await tx.notificationObjectState.deleteMany({
      where: {
        profileId: id,
        OR: [
          { objectType: "BUSINESS_SERVICE", objectKey: { notIn: data.businessServiceIds.map(String) } },
          { objectType: "COMPONENT", objectKey: { notIn: data.componentIds.map(String) } },
        ],
      },
    });
    await recordAudit(tx, user, { action: "notificationProfile.update", target: `notificationProfile:${id}`, detail: auditDetail(input) });
    return id;
  });
}

export async function deleteProfile(prisma: PrismaClient, { user, access, id }: { user: ProfileUser; access: Access; id: number }): Promise<void> {
  requireCapability(access, "bsm");
  await prisma.$transaction(async (tx) => {
    const existing = isRecordId(id) ? await tx.notificationProfile.findUnique({ where: { id } }) : null;
    if (!existing || !canManageProfile(existing, user)) throw new ForbiddenError("You may not delete this notification profile");
    await tx.notificationProfile.delete({ where: { id } });
    await recordAudit(tx, user, { action: "notificationProfile.delete", target: `notificationProfile:${id}`, detail: { name: existing.name } });
  });
}
