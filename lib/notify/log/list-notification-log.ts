import type { BsmObjectType, PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { objectRefKey } from "../../status/bsm-object";
import { listProfilesForUser, type ProfileUser } from "../profiles/profile-store";

export interface NotificationLogFilter {
  profileId?: number;
  /** `BUSINESS_SERVICE:12` or `COMPONENT:3`. */
  object?: string;
}

export interface NotificationLogDelivery {
  id: string;
  recipientName: string;
  methodKind: string;
  status: "QUEUED" | "SENDING" | "SENT" | "FAILED" | "WITHHELD";
  attempts: number;
  exitCode: number | null;
  /** The reply body or program output: administrators only, "" for everyone else. */
  output: string;
  errorOutput: string;
  /** A short reason ("HTTP 500 Internal Server Error", "refused by the outbound policy: …"). */
  error: string | null;
  /** True when there was output this reader may not see. */
  outputHidden: boolean;
}

export interface NotificationLogEntry {
  id: string;
  at: string;
  profileId: number;
  profileName: string;
  object: string;
  objectType: "BUSINESS_SERVICE" | "COMPONENT";
  objectName: string;
  type: string;
  state: string;
  number: number;
  availability: number;
  send: boolean;
  skipReason: string | null;
  deliveries: NotificationLogDelivery[];
}

const NOTIFIED_TYPES = ["BUSINESS_SERVICE", "COMPONENT"] as const;

/** Longest failure reason shown to readers who are not administrators. */
export const SHORT_REASON_LENGTH = 200;

type DeliveryRow = Pick<NotificationLogDelivery, "recipientName" | "methodKind" | "status" | "attempts" | "exitCode" | "output" | "errorOutput" | "error"> & { id: bigint };

/**
 * What a reader may see of a delivery. A reply body can be anything the target sent back (a webhook
 * aimed at an internal service would expose it), so only administrators see output; others get the
 * status, exit code and a short reason.
 */
export function presentDelivery(delivery: DeliveryRow, access: Pick<Access, "has">): NotificationLogDelivery {
  const administrator = access.has("administer");
  const error = delivery.error;
  const shortError = error === null || administrator || error.length <= SHORT_REASON_LENGTH ? error : `${error.slice(0, SHORT_REASON_LENGTH - 1)}…`;
  return {
    id: String(delivery.id),
    recipientName: delivery.recipientName,
    methodKind: delivery.methodKind,
    status: delivery.status,
    attempts: delivery.attempts,
    exitCode: delivery.exitCode,
    output: administrator ? delivery.output : "",
    errorOutput: administrator ? delivery.errorOutput : "",
    error: shortError,
    outputHidden: !administrator && (delivery.output.trim() !== "" || delivery.errorOutput.trim() !== ""),
  };
}

function parseObject(text: string | undefined): { objectType: BsmObjectType; objectKey: string } | null {
  const match = /^(BUSINESS_SERVICE|COMPONENT):(\d+)$/.exec(text ?? "");
  return match ? { objectType: match[1] as BsmObjectType, objectKey: match[2] } : null;
}

/**
 * What the user's profiles sent, skipped and failed, newest first, for objects the user may see;
 * profiles are those listProfilesForUser returns (own, shared with their role, all shared for admins).
 * Delivery output (reply bodies, program output) only for administrators: see presentDelivery.
 */
export async function listNotificationLog(
  prisma: PrismaClient,
  { user, access, filter, limit = 200 }: { user: ProfileUser; access: Access; filter: NotificationLogFilter; limit?: number },
) {
  const profiles = await listProfilesForUser(prisma, user);
  const profileIds = profiles.map((profile) => profile.id).filter((id) => filter.profileId === undefined || id === filter.profileId);
  const object = parseObject(filter.object);
  const visibleServices = access.visibleServiceIds().map(String);
  const visibleComponents = access.visibleComponentIds().map(String);
  const visible = {
    profileId: { in: profileIds },
    OR: [
      { objectType: "BUSINESS_SERVICE" as const, objectKey: { in: visibleServices } },
      { objectType: "COMPONENT" as const, objectKey: { in: visibleComponents } },
    ],
  };
  const [rows, objectRows] = await Promise.all([
    prisma.notificationEvent.findMany({
      where: { ...visible, ...(object ?? {}) },
      include: { deliveries: { orderBy: [{ recipientName: "asc" }, { methodIndex: "asc" }] } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
    }),
    prisma.notificationEvent.groupBy({ by: ["objectType", "objectKey", "objectName"], where: visible }),
  ]);
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  const entries: NotificationLogEntry[] = rows.flatMap((row) => {
    const objectType = NOTIFIED_TYPES.find((type) => type === row.objectType);
    if (!objectType) return [];
    return [
      {
        id: String(row.id),
        at: row.at.toISOString(),
        profileId: row.profileId,
        profileName: names.get(row.profileId) ?? `#${row.profileId}`,
        object: objectRefKey(row),
        objectType,
        objectName: row.objectName,
        type: row.type,
        state: row.state,
        number: row.number,
        availability: row.availability,
        send: row.send,
        skipReason: row.skipReason,
        deliveries: row.deliveries.map((delivery) => presentDelivery(delivery, access)),
      },
    ];
  });
  const objects = [...new Map(objectRows.map((row) => [objectRefKey(row), row.objectName])).entries()]
    .map(([value, name]) => ({ value, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { entries, profiles: profiles.map((profile) => ({ id: profile.id, name: profile.name })), objects };
}

/** Failed deliveries per profile over the last day, so the profile list can point at problems. */
export async function countFailedDeliveries(prisma: PrismaClient, profileIds: number[], now = Date.now()): Promise<Map<number, number>> {
  const failed = await prisma.notificationDelivery.findMany({
    where: { status: "FAILED", updatedAt: { gte: new Date(now - 24 * 60 * 60 * 1000) }, event: { profileId: { in: profileIds } } },
    select: { event: { select: { profileId: true } } },
  });
  const counts = new Map<number, number>();
  for (const { event } of failed) counts.set(event.profileId, (counts.get(event.profileId) ?? 0) + 1);
  return counts;
}
