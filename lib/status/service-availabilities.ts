import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { FULL_AVAILABILITY } from "./stored-statuses";

/** The stored 24-hour availability of every business service the user may see, by id (for the Summary). */
export async function listServiceAvailabilities(prisma: PrismaClient, access: Access): Promise<Record<number, number>> {
  const ids = access.visibleServiceIds();
  const rows = await prisma.$queryRaw<{ objectKey: string; availability: number }[]>`
    SELECT "objectKey", availability FROM "BsmObjectStatus" WHERE "objectType" = 'BUSINESS_SERVICE' AND "objectKey" = ANY(${ids.map(String)}::text[])`;
  const stored = new Map(rows.map((row) => [row.objectKey, row.availability]));
  const visible: Record<number, number> = {};
  for (const id of ids) visible[id] = stored.get(String(id)) ?? FULL_AVAILABILITY.availability;
  return visible;
}
