import { Prisma, type PrismaClient } from "@prisma/client";
import {
  DAY_MS,
  computeAvailability,
  type AvailabilityReport,
  type BsmConfig,
  type CheckHistoryEntry,
  type CheckState,
  type ServiceCheckStatus,
} from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";

export interface StoredAvailabilityOptions {
  /** End of the window (epoch ms). */
  now: number;
  /** Default 24 hours. */
  windowMs?: number;
  /** Leave DOWNTIME out of the denominator (off by default). */
  excludeDowntime?: boolean;
  /** Also return the state timeline of each object (for charts). */
  includeTimelines?: boolean;
  /**
   * Only these business services and components (ids as in the engine: strings). Components of
   * the chosen services are included. Omit both for the whole estate.
   */
  scope?: { businessServiceIds?: readonly string[]; componentIds?: readonly string[] };
}

/**
 * Availability over the last 24 hours (or `windowMs`) of component hosts, components and business
 * services, from the stored check history (CheckStateChange) and current checks, through the
 * engine's computeAvailability, so the rules are those of docs/status-rules.md §6: 100% before an object
 * existed, a check is OK before its first change, DOWNTIME optionally excluded.
 */
export async function loadAvailability(prisma: PrismaClient, options: StoredAvailabilityOptions): Promise<AvailabilityReport> {
  const windowMs = options.windowMs ?? DAY_MS;
  const from = options.now - windowMs;
  const config = restrictConfig(await loadBsmConfig(prisma), options.scope);
  const hosts = [...new Set(config.components.flatMap((component) => component.hosts))];
  const [checks, history] = hosts.length === 0 ? [[], []] : await Promise.all([loadChecks(prisma, hosts), loadHistory(prisma, hosts, from, options.now)]);
  return computeAvailability(config, checks, history, {
    now: options.now,
    windowMs,
    excludeDowntime: options.excludeDowntime ?? false,
    includeTimelines: options.includeTimelines ?? false,
  });
}

export function restrictConfig(config: BsmConfig, scope: StoredAvailabilityOptions["scope"]): BsmConfig {
  if (scope === undefined) return config;
  const serviceIds = new Set(scope.businessServiceIds ?? []);
  const businessServices = config.businessServices.filter((service) => serviceIds.has(service.id));
  const componentIds = new Set([...(scope.componentIds ?? []), ...businessServices.flatMap((service) => service.components)]);
  return { components: config.components.filter((component) => componentIds.has(component.id)), businessServices };
}

/** The current checks of these hosts, as the engine wants them. */
export async function loadChecks(prisma: PrismaClient, hosts: string[]): Promise<ServiceCheckStatus[]> {
  const rows = await prisma.serviceCheck.findMany({
    where: { host: { name: { in: hosts } } },
    select: { name: true, state: true, acknowledged: true, inDowntime: true, contributingTemplates: true, host: { select: { name: true } } },
  });
  return rows.map((row) => ({
    host: row.host.name,
    name: row.name,
    hostTemplates: row.contributingTemplates,
    state: row.state as CheckState,
    acknowledged: row.acknowledged,
    inDowntime: row.inDowntime,
  }));
}

interface HistoryRow {
  host: string;
  check: string;
  at: Date;
  state: string;
  acknowledged: boolean;
  inDowntime: boolean;
}

/**
 * The changes inside the window plus, for each current check, the last change at or before `from`: that
 * entry still holds at the window's start (without it the check would count as OK until its next change).
 * The last change is found per check through the (host, check, at) index, so the cost does not grow with
 * the history kept before the window. Without `to`, every change after `from`. Each check's entries in time
 * order, ties in the order they were stored.
 */
export async function loadHistory(prisma: PrismaClient, hosts: string[], from: number, to?: number): Promise<CheckHistoryEntry[]> {
  const fromDate = new Date(from);
  const untilTo = to === undefined ? Prisma.empty : Prisma.sql`AND at <= ${new Date(to)}`;
  const [before, inside] = await Promise.all([
    prisma.$queryRaw<HistoryRow[]>(Prisma.sql`
      SELECT c.host, c."check", e.at, e.state::text AS state, e.acknowledged, e."inDowntime"
      FROM (SELECT h.name AS host, s.name AS "check" FROM "ServiceCheck" s JOIN "Host" h ON h.id = s."hostId" WHERE h.name = ANY(${hosts}::text[])) c
      CROSS JOIN LATERAL (
        SELECT x.at, x.state, x.acknowledged, x."inDowntime" FROM "CheckStateChange" x
        WHERE x.host = c.host AND x."check" = c."check" AND x.at <= ${fromDate}
        ORDER BY x.at DESC, x.id DESC LIMIT 1) e`),
    prisma.$queryRaw<HistoryRow[]>(Prisma.sql`
      SELECT host, "check", at, state::text AS state, acknowledged, "inDowntime"
      FROM "CheckStateChange"
      WHERE host = ANY(${hosts}::text[]) AND at > ${fromDate} ${untilTo}
      ORDER BY at, id`),
  ]);
  return [...before, ...inside].map((row) => ({
    host: row.host,
    name: row.check,
    at: new Date(row.at).getTime(),
    state: row.state as CheckState,
    acknowledged: row.acknowledged,
    inDowntime: row.inDowntime,
  }));
}
