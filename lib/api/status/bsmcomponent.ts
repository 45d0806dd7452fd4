import { Prisma, type PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { readRows } from "../../db/direct-read";
import { HOST_STATES, type ComponentState } from "../../bsm";
import { componentCountsOf, FULL_AVAILABILITY, isoTimeOf, loadComponentHostStatuses, readComponentCounts, readStoredFlags } from "../../status/stored-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { componentRef } from "../../status/bsm-object";
import { availabilityAt, flagsAt, hostFlagsAt, readMoment } from "../../status/views-at";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const COMPONENT_STATUSES = HOST_STATES;

/** A component in the shape of Opsview's /rest/status/bsmcomponent. */
export interface BsmComponentResource {
  id: string;
  name: string;
  status: ComponentState;
  availability: number;
  acknowledged: 0 | 1;
  impacted: 0 | 1;
  /** When the component entered its status (ISO); null until the poller has stored it. */
  status_since: string | null;
  hosts_total: number;
  hosts_failed: number;
  hosts_acknowledged: number;
  hosts_downtime: number;
  hosts_required_online: number;
  operational_zone_percent: number;
  /** How many more hosts may fail before the component fails: operational hosts beyond those required online. */
  resiliency: number;
  htname: string;
  htid: string;
}

interface ComponentRow {
  id: number;
  name: string;
  requiredOnline: number;
  templateId: number;
  templateName: string;
  state: string | null;
  acknowledged: boolean | null;
  impacted: boolean | null;
  changedAt: Date | null;
  counts: unknown;
  availability: number | null;
}

/**
 * /api/status/bsmcomponent: the components the caller may see, problems first, with their stored counts and availability;
 * with `at`, as they were at that moment (states and host counts then, availability of the 24 hours before it).
 */
export async function listBsmComponentResources(prisma: PrismaClient, access: Access, query: ListQuery, at?: number): Promise<Page<BsmComponentResource>> {
  const componentIds = access.visibleComponentIds();
  const [rows, staleSince] = await Promise.all([
    componentIds.length === 0
      ? []
      : readRows<ComponentRow>(
          prisma,
          Prisma.sql`
          SELECT component.id, component.name, component."requiredOnline", template.id AS "templateId", template.name AS "templateName",
                 own.state::text AS state, own.acknowledged, own.impacted, own."changedAt", own.counts, own.availability
          FROM "Component" component
          JOIN "HostTemplate" template ON template.id = component."hostTemplateId"
          LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'COMPONENT' AND own."objectKey" = component.id::text
          WHERE component.id = ANY(${componentIds}::int[])`,
        ),
    loadStaleSince(prisma),
  ]);
  const reading = at === undefined ? null : await readMoment(prisma, at, rows.map((row) => componentRef(row.id)));
  const storedCounts = new Map(rows.map((row) => [row.id, reading ? null : readComponentCounts(row.counts)]));
  // Only until the poller has stored counts (or at a moment): count them from the hosts' statuses.
  const hostsOfUncounted = await loadComponentHostStatuses(prisma, rows.filter((row) => storedCounts.get(row.id) === null).map((row) => row.id));
  const existing = reading ? rows.filter((row) => flagsAt(reading, componentRef(row.id)) !== null) : rows;
  const resources = existing.map((row): BsmComponentResource => {
    const own = readStoredFlags("COMPONENT", reading ? flagsAt(reading, componentRef(row.id)) : row);
    const hosts = (hostsOfUncounted.get(row.id) ?? []).map((host) => (reading ? hostFlagsAt(reading, row.id, host.name) : host));
    const counts = componentCountsOf(storedCounts.get(row.id) ?? null, hosts, row.requiredOnline);
    return {
      id: String(row.id),
      name: row.name,
      status: own.state,
      acknowledged: own.acknowledged ? 1 : 0,
      impacted: own.impacted ? 1 : 0,
      status_since: reading ? null : isoTimeOf(row.changedAt),
      hosts_total: counts.hostsTotal,
      hosts_failed: counts.hostsFailed,
      hosts_acknowledged: counts.hostsAcknowledged,
      hosts_downtime: counts.hostsDowntime,
      hosts_required_online: counts.requiredOnline,
      operational_zone_percent: counts.operationalZonePercent,
      resiliency: Math.max(0, counts.hostsOperational - counts.requiredOnline),
      htname: row.templateName,
      htid: String(row.templateId),
      availability: reading ? availabilityAt(reading, componentRef(row.id)) : (row.availability ?? FULL_AVAILABILITY.availability),
    };
  });
  resources.sort((a, b) => problemRank(a) - problemRank(b) || byName.compare(a.name, b.name));
  return applyListQuery(resources, query, staleSince);
}

// localeCompare's order, a third of its time for a list of 500.
const byName = new Intl.Collator();

/** Problems first, as in the Component view: unhandled failures, handled ones, downtime, impacted, fine. */
function problemRank(resource: BsmComponentResource): number {
  if (resource.status === "FAILED") return resource.acknowledged ? 1 : 0;
  if (resource.status === "DOWNTIME") return 2;
  return resource.impacted ? 3 : 4;
}
