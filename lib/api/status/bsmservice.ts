import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { SERVICE_STATES } from "../../bsm";
import { listBusinessServiceFigures, toBsmServiceResource, type BsmServiceResource } from "../../status/list-business-service-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { listBusinessServiceFiguresAt } from "../../status/views-at";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const SERVICE_STATUSES = SERVICE_STATES;

export type BsmServiceApiResource = BsmServiceResource & { availability: number };

/**
 * /api/status/bsmservice: the business services the caller may see, in Summary order, with their stored figures;
 * with `at`, as they were at that moment (services created later left out, availability of the 24 hours before it).
 */
export async function listBsmServiceResources(prisma: PrismaClient, access: Access, query: ListQuery, at?: number): Promise<Page<BsmServiceApiResource>> {
  const [services, staleSince] = await Promise.all([
    at === undefined ? listBusinessServiceFigures(prisma, access) : listBusinessServiceFiguresAt(prisma, access, at),
    loadStaleSince(prisma),
  ]);
  const resources = services.map((service) => ({ ...toBsmServiceResource(service.status), availability: service.availability }));
  return applyListQuery(resources, query, staleSince);
}
