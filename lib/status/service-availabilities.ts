import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { FULL_AVAILABILITY } from "./stored-statuses";

/** The stored 24-hour availability of every business service the user may see, by id (for the Summary). */
export async function listServiceAvailabilities(prisma: PrismaClient, access: Access): Promise<Record<number, number>> {
  const ids = access.visibleServiceIds();
  const rows = await prisma.bsmObjectStatus.findMany({
    where: { objectType: "BUSINESS_SERVICE", objectKey: { in: ids.map(String) } },
    select: { objectKey: true, availability: true },
  });
  const stored = new Map(rows.map((row) => [row.objectKey, row.availability]));
  const visible: Record<number, number> = {};
  for (const id of ids) visible[id] = stored.get(String(id)) ?? FULL_AVAILABILITY.availability;
  return visible;
}
