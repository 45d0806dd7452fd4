import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { SERVICE_STATES } from "../../bsm";
import { listServiceAvailabilities } from "../../status/service-availabilities";
import { listBusinessServiceStatuses, toBsmServiceResource, type BsmServiceResource } from "../../status/list-business-service-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const SERVICE_STATUSES = SERVICE_STATES;

export type BsmServiceApiResource = BsmServiceResource & { availability: number };

/** /api/status/bsmservice: the business services the caller may see, in Summary order. */
export async function listBsmServiceResources(prisma: PrismaClient, access: Access, query: ListQuery, now: number): Promise<Page<BsmServiceApiResource>> {
  const visible = new Set(access.visibleServiceIds());
  const [services, availabilities, staleSince] = await Promise.all([
    listBusinessServiceStatuses(prisma),
    listServiceAvailabilities(prisma, access, now),
    loadStaleSince(prisma),
  ]);
  const resources = services
    .filter((service) => visible.has(Number(service.id)))
    .map((service) => ({ ...toBsmServiceResource(service), availability: availabilities[Number(service.id)] ?? 100 }));
  return applyListQuery(resources, query, staleSince);
}
