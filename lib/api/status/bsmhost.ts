import { Prisma, type PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { readRows } from "../../db/direct-read";
import { HOST_STATES, type HostState } from "../../bsm";
import { ForbiddenError, NotFoundError } from "../../errors/app-error";
import { FULL_AVAILABILITY, readStoredFlags } from "../../status/stored-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { componentHostRef } from "../../status/bsm-object";
import { availabilityAt, flagsAt, readMoment } from "../../status/views-at";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const HOST_STATUSES = HOST_STATES;

/** A host as one component sees it (only the checks its host template contributes). */
export interface BsmHostResource {
  id: string;
  name: string;
  status: HostState;
  availability: number;
  acknowledged: 0 | 1;
  services_total: number;
  services_critical: number;
  services_downtime: number;
  services_acknowledged: number;
}

interface HostRow {
  id: number | null;
  name: string | null;
  state: string | null;
  acknowledged: boolean | null;
  availability: number | null;
  services_total: number;
  services_critical: number;
  services_downtime: number;
  services_acknowledged: number;
}

/**
 * /api/status/bsmhost?cid=: the hosts of one component the caller may see, in configured order;
 * refused for a component seen only top down, whose hosts the Service view does not show either.
 * One query: the component's hosts, their stored statuses and availability, and the counts of the checks its template contributes.
 * With `at`: status, acknowledged and availability (the 24 hours before) as they were then; the check counts stay the current ones.
 */
export async function listBsmHostResources(prisma: PrismaClient, access: Access, componentId: number, query: ListQuery, at?: number): Promise<Page<BsmHostResource>> {
  if (!access.canSeeComponent(componentId)) throw new NotFoundError(`no component with id ${componentId}`);
  if (!access.canSeeComponentHosts(componentId)) throw new ForbiddenError("You do not have access to the hosts of this component");
  const [rows, staleSince] = await Promise.all([
    readRows<HostRow>(
      prisma,
      Prisma.sql`
      SELECT host.id, host.name, own.state::text AS state, own.acknowledged, own.availability,
             count(c.id)::int AS services_total,
             count(c.id) FILTER (WHERE c.state = 'CRITICAL')::int AS services_critical,
             count(c.id) FILTER (WHERE c.state = 'CRITICAL' AND c."inDowntime")::int AS services_downtime,
             count(c.id) FILTER (WHERE c.state = 'CRITICAL' AND c.acknowledged)::int AS services_acknowledged
      FROM "Component" component
      JOIN "HostTemplate" template ON template.id = component."hostTemplateId"
      LEFT JOIN "ComponentHost" membership ON membership."componentId" = component.id
      LEFT JOIN "Host" host ON host.id = membership."hostId"
      LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'COMPONENT_HOST' AND own."objectKey" = component.id::text || ':' || host.name
      LEFT JOIN "ServiceCheck" c ON c."hostId" = host.id AND template.name = ANY(c."contributingTemplates")
      WHERE component.id = ${componentId}
      GROUP BY membership.position, host.id, host.name, own.state, own.acknowledged, own.availability
      ORDER BY membership.position`,
    ),
    loadStaleSince(prisma),
  ]);
  if (rows.length === 0) throw new NotFoundError(`no component with id ${componentId}`);
  const named = rows.flatMap((row) => (row.id === null || row.name === null ? [] : [{ ...row, id: row.id, name: row.name }]));
  const reading = at === undefined ? null : await readMoment(prisma, at, named.map((row) => componentHostRef(componentId, row.name)));
  if (reading && flagsAt(reading, { objectType: "COMPONENT", objectKey: String(componentId) }) === null) {
    throw new NotFoundError(`component ${componentId} did not exist at that moment`);
  }
  const resources = named.flatMap((row): BsmHostResource[] => {
    const ref = componentHostRef(componentId, row.name);
    if (reading && flagsAt(reading, ref) === null) return [];
    const own = readStoredFlags("COMPONENT_HOST", reading ? flagsAt(reading, ref) : row);
    return [
      {
        id: String(row.id),
        name: row.name,
        status: own.state,
        availability: reading ? availabilityAt(reading, ref) : (row.availability ?? FULL_AVAILABILITY.availability),
        acknowledged: own.acknowledged ? 1 : 0,
        services_total: row.services_total,
        services_critical: row.services_critical,
        services_downtime: row.services_downtime,
        services_acknowledged: row.services_acknowledged,
      },
    ];
  });
  return applyListQuery(resources, query, staleSince);
}
