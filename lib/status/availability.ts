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
import { loadBsmConfig, type ConfigScope } from "../poller/load-bsm-config";

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
  scope?: ConfigScope;
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
  const config = await loadBsmConfig(prisma, options.scope);
  const hosts = [...new Set(config.components.flatMap((component) => component.hosts))];
  const [checks, history] = hosts.length === 0 ? [[], []] : await Promise.all([loadChecks(prisma, hosts), loadHistory(prisma, hosts, from, options.now)]);
  return computeAvailability(config, checks, history, {
    now: options.now,
    windowMs,
    excludeDowntime: options.excludeDowntime ?? false,
    includeTimelines: options.includeTimelines ?? false,
  });
}

/** The part of a loaded configuration in `scope` (as loadBsmConfig with the scope would load it). */
export function restrictConfig(config: BsmConfig, scope: ConfigScope | undefined): BsmConfig {
  if (scope === undefined) return config;
  const serviceIds = new Set(scope.businessServiceIds ?? []);
  const businessServices = config.businessServices.filter((service) => serviceIds.has(service.id));
  const componentIds = new Set([...(scope.componentIds ?? []), ...businessServices.flatMap((service) => service.components)]);
  return { components: config.components.filter((component) => componentIds.has(component.id)), businessServices };
}

/**
 * The current checks of these hosts, as the engine wants them. The names go as one array parameter: a
 * list of 50,000 hosts is past the database's limit of bind parameters for an IN list.
 */
export async function loadChecks(prisma: PrismaClient, hosts: string[]): Promise<ServiceCheckStatus[]> {
  if (hosts.length === 0) return [];
  const rows = await prisma.$queryRaw<{ host: string; name: string; state: string; acknowledged: boolean; inDowntime: boolean; contributingTemplates: string[] }[]>(Prisma.sql`
    SELECT h.name AS host, s.name, s.state::text AS state, s.acknowledged, s."inDowntime", s."contributingTemplates"
    FROM "ServiceCheck" s JOIN "Host" h ON h.id = s."hostId" WHERE h.name = ANY(${hosts}::text[])`);
  return rows.map((row) => ({
    host: row.host,
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

/** What loadWindowHistory found: the entries, and the checks ("host\0name") with a change after the window. */
export interface WindowHistory {
  entries: CheckHistoryEntry[];
  changedAfter: ReadonlySet<string>;
}

const keyOf = (host: string, check: string) => `${host}\0${check}`;

function entryOf(row: HistoryRow): CheckHistoryEntry {
  return {
    host: row.host,
    name: row.check,
    at: new Date(row.at).getTime(),
    state: row.state as CheckState,
    acknowledged: row.acknowledged,
    inDowntime: row.inDowntime,
  };
}

/**
 * The checks of these hosts with a change after `after`. Near now that is a short range of the `at` index;
 * further back, one probe of the (host, check, at) index per current check, so the cost never grows with
 * the history kept after `after` (the history job walks forward through a year of it).
 */
async function checksChangedAfter(prisma: PrismaClient, hosts: string[], after: number): Promise<Set<string>> {
  const afterDate = new Date(after);
  const rows =
    Date.now() - after < DAY_MS
      ? await prisma.$queryRaw<{ host: string; check: string }[]>(Prisma.sql`
          SELECT DISTINCT host, "check" FROM "CheckStateChange" WHERE at > ${afterDate} AND host = ANY(${hosts}::text[])`)
      : await prisma.$queryRaw<{ host: string; check: string }[]>(Prisma.sql`
          SELECT h.name AS host, s.name AS "check" FROM "ServiceCheck" s JOIN "Host" h ON h.id = s."hostId"
          WHERE h.name = ANY(${hosts}::text[])
            AND EXISTS (SELECT 1 FROM "CheckStateChange" x WHERE x.host = h.name AND x."check" = s.name AND x.at > ${afterDate})`);
  return new Set(rows.map((row) => keyOf(row.host, row.check)));
}

/**
 * The check history a window needs: the changes inside (from, to] and, for each check that changed after
 * `from`, its last change at or before `from` (it still holds at the window's start). A check with no change
 * after `from` needs no entry: its current status held throughout, which is what the engine assumes of a
 * check without entries. Last changes are found per check through the (host, check, at) index, so the cost
 * follows the checks that changed, not the history kept. Without `to`, every change after `from`. Each
 * check's entries in time order, ties in the order they were stored.
 */
export async function loadWindowHistory(prisma: PrismaClient, hosts: string[], from: number, to?: number): Promise<WindowHistory> {
  const fromDate = new Date(from);
  const untilTo = to === undefined ? Prisma.empty : Prisma.sql`AND at <= ${new Date(to)}`;
  const [insideRows, changedAfter] = await Promise.all([
    prisma.$queryRaw<HistoryRow[]>(Prisma.sql`
      SELECT host, "check", at, state::text AS state, acknowledged, "inDowntime"
      FROM "CheckStateChange"
      WHERE host = ANY(${hosts}::text[]) AND at > ${fromDate} ${untilTo}
      ORDER BY at, id`),
    to === undefined ? Promise.resolve(new Set<string>()) : checksChangedAfter(prisma, hosts, to),
  ]);
  const changed = new Map<string, { host: string; check: string }>();
  for (const row of insideRows) changed.set(keyOf(row.host, row.check), { host: row.host, check: row.check });
  for (const key of changedAfter) {
    const [host, check] = key.split("\0") as [string, string];
    changed.set(key, { host, check });
  }
  const pairs = [...changed.values()];
  const beforeRows =
    pairs.length === 0
      ? []
      : await prisma.$queryRaw<HistoryRow[]>(Prisma.sql`
          SELECT c.host, c."check", e.at, e.state::text AS state, e.acknowledged, e."inDowntime"
          FROM unnest(${pairs.map((p) => p.host)}::text[], ${pairs.map((p) => p.check)}::text[]) AS c(host, "check")
          CROSS JOIN LATERAL (
            SELECT x.at, x.state, x.acknowledged, x."inDowntime" FROM "CheckStateChange" x
            WHERE x.host = c.host AND x."check" = c."check" AND x.at <= ${fromDate}
            ORDER BY x.at DESC, x.id DESC LIMIT 1) e`);
  return { entries: [...beforeRows, ...insideRows].map(entryOf), changedAfter };
}

/** loadWindowHistory's entries. */
export async function loadHistory(prisma: PrismaClient, hosts: string[], from: number, to?: number): Promise<CheckHistoryEntry[]> {
  return (await loadWindowHistory(prisma, hosts, from, to)).entries;
}
