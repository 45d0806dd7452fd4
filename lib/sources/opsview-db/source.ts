import type { Pool, PoolConnection } from "mysql2/promise";
import {
  SourceUnavailableError,
  type CompleteRead,
  type IncrementalRead,
  type MonitoringSource,
  type SkippedRow,
  type SourceEvent,
  type SourceRead,
  type SourceServiceCheck,
} from "../types";
import { decodeCursor, encodeCursor } from "./cursor";
import { CHECK_READ_PARTS, createReadPool, runCommand, selectRows, selectRowsForIds, withPooledConnection, type ConnectionLimits } from "./database";
import { objectIdRanges, type IdRange } from "./id-ranges";
import { explainDatabaseError, isDriverError } from "./errors";
import { hostNameOfCheckRow, mapHostRows, mapServiceCheckRows, objectIdOfHostRow, type DatabaseRow, type HostRowSets } from "./map-rows";
import { buildOpsviewQueries, type OpsviewQueries } from "./queries";
import { connectionAddress, type OpsviewConnectionSettings, type OpsviewDatabaseSettings } from "./settings";
import { usesOpsviewConfig, type HostTemplateSource } from "./template-source";

export interface OpsviewDatabaseSourceOptions {
  onEvent?: (event: SourceEvent) => void;
  now?: () => number;
  /** readChanges turns into a full resync when the last full read is this old. Default 10 minutes. */
  fullResyncEveryMs?: number;
  /** While on the backup, how often to try the main database again. Default 60 s. */
  retryMainEveryMs?: number;
  /**
   * Incremental reads ask for status rows written since (cursor time − overlap): rows written in
   * the same second as the last read, or committed a little late, are not lost. Default 5 s.
   */
  overlapSeconds?: number;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

type Role = "main" | "backup";

interface Database {
  role: Role;
  connection: OpsviewConnectionSettings;
  queries: OpsviewQueries;
  pool: Pool | null;
}

/** Where the last full read came from, and the hosts read since, whose rows need not be fetched again. */
interface Known {
  role: Role;
  fullReadAt: number;
  hostNames: Set<string>;
}

type FullRows = { hostRows: HostRowSets; checkRows: DatabaseRow[] };
type Fetched =
  | { kind: "full"; rows: FullRows }
  | { kind: "changes"; checkRows: DatabaseRow[]; newHostRows: HostRowSets | null };

/**
 * The Opsview runtime database as a MonitoringSource: main database first, the backup when the
 * main fails, back to the main when it answers again.
 *
 * readChanges reads status rows newer than the cursor (an incremental read). It performs the
 * periodic full resync itself: when the last full read is older than fullResyncEveryMs, after
 * switching databases, or when the cursor is not one this source issued, it returns a complete read.
 * Between resyncs, new hosts arrive with their first check; removals and host attribute changes
 * wait for the next resync.
 */
export function createOpsviewDatabaseSource(
  settings: OpsviewDatabaseSettings,
  options: OpsviewDatabaseSourceOptions = {},
): MonitoringSource {
  return new OpsviewDatabaseSource(settings, options);
}

class OpsviewDatabaseSource implements MonitoringSource {
  /** "opsview-db", or "icinga-ido" when reading Icinga's IDO (templates not from Opsview's configuration). */
  readonly kind: "opsview-db" | "icinga-ido";
  private readonly label: string;
  private readonly templateSource: HostTemplateSource;
  private readonly databases: Record<Role, Database | null>;
  private readonly limits: ConnectionLimits;
  private readonly now: () => number;
  private readonly fullResyncEveryMs: number;
  private readonly retryMainEveryMs: number;
  private readonly overlapSeconds: number;
  private active: Role = "main";
  private lastMainAttemptAt = 0;
  private known: Known | null = null;
  private readsIssued = 0;
  private lastCursor: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    settings: OpsviewDatabaseSettings,
    private readonly options: OpsviewDatabaseSourceOptions,
  ) {
    this.templateSource = settings.hostTemplates;
    this.kind = usesOpsviewConfig(settings.hostTemplates) ? "opsview-db" : "icinga-ido";
    this.label = this.kind === "opsview-db" ? "Opsview database" : "Icinga IDO database";
    const database = (role: Role, connection: OpsviewConnectionSettings): Database => ({
      role,
      connection,
      queries: buildOpsviewQueries({
        runtimeDatabase: connection.runtimeDatabase,
        configDatabase: connection.configDatabase,
        tablePrefix: settings.tablePrefix,
        hostTemplates: settings.hostTemplates,
      }),
      pool: null,
    });
    this.databases = {
      main: database("main", settings.main),
      backup: settings.backup ? database("backup", settings.backup) : null,
    };
    this.limits = { connectTimeoutMs: options.connectTimeoutMs ?? 5_000, queryTimeoutMs: options.queryTimeoutMs ?? 120_000 };
    this.now = options.now ?? Date.now;
    this.fullResyncEveryMs = options.fullResyncEveryMs ?? 10 * 60_000;
    this.retryMainEveryMs = options.retryMainEveryMs ?? 60_000;
    this.overlapSeconds = options.overlapSeconds ?? 5;
  }

  describe(): string {
    const active = this.databases[this.active];
    return active ? `${this.active} database ${connectionAddress(active.connection)}` : "no database";
  }

  readFull(): Promise<CompleteRead> {
    return this.serialized(async () => {
      const { value: rows, role } = await this.onAvailableDatabase((connection, database) => this.fetchFull(connection, database));
      return this.acceptFullRead(rows, role);
    });
  }

  readChanges(cursorText: string): Promise<SourceRead> {
    return this.serialized(async () => {
      const cursor = decodeCursor(cursorText);
      const continuing = cursor !== null && cursorText === this.lastCursor;
      const { value: fetched, role } = await this.onAvailableDatabase(async (connection, database): Promise<Fetched> => {
        const known = this.known;
        const resyncDue =
          !known || !cursor || !continuing || known.role !== database.role || this.now() - known.fullReadAt >= this.fullResyncEveryMs;
        if (resyncDue) return { kind: "full", rows: await this.fetchFull(connection, database) };
        const since = (cursor.statusTime ?? 0) - this.overlapSeconds;
        const checkRows = await selectRows(connection, database.queries.serviceChecksUpdatedSince(since), this.limits);
        const unknownHostNames = new Set<string>();
        for (const row of checkRows) {
          const hostName = hostNameOfCheckRow(row);
          if (hostName !== null && !known.hostNames.has(hostName)) unknownHostNames.add(hostName);
        }
        const newHostRows = unknownHostNames.size > 0 ? await this.fetchHostsByName(connection, database.queries, [...unknownHostNames]) : null;
        return { kind: "changes", checkRows, newHostRows };
      });

      if (fetched.kind === "full") return this.acceptFullRead(fetched.rows, role);
      return this.acceptChanges(fetched.checkRows, fetched.newHostRows, cursor?.statusTime ?? null);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const pools = [this.databases.main, this.databases.backup].flatMap((database) => (database?.pool ? [database.pool] : []));
    for (const database of [this.databases.main, this.databases.backup]) if (database) database.pool = null;
    await Promise.allSettled(pools.map((pool) => pool.end()));
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`The ${this.label} source is closed`));
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private acceptFullRead(rows: FullRows, role: Role): CompleteRead {
    const mappedHosts = mapHostRows(rows.hostRows, this.templateSource);
    const mappedChecks = mapServiceCheckRows(rows.checkRows, this.templateSource);
    const hostNames = new Set(mappedHosts.hosts.map((host) => host.name));
    const skipped: SkippedRow[] = [...mappedHosts.skipped, ...mappedChecks.skipped];
    const serviceChecks = withoutOrphans(mappedChecks.serviceChecks, hostNames, skipped);
    this.known = { role, fullReadAt: this.now(), hostNames };
    const cursor = this.issueCursor(mappedChecks.latestStatusUpdate);
    return { kind: "complete", hosts: mappedHosts.hosts, serviceChecks, skipped, cursor };
  }

  private acceptChanges(checkRows: DatabaseRow[], newHostRows: HostRowSets | null, cursorTime: number | null): IncrementalRead {
    const known = this.known;
    if (!known) throw new Error("incremental read without a full read");
    const mappedChecks = mapServiceCheckRows(checkRows, this.templateSource);
    const mappedHosts = newHostRows ? mapHostRows(newHostRows, this.templateSource) : null;
    const skipped: SkippedRow[] = [...(mappedHosts?.skipped ?? []), ...mappedChecks.skipped];
    const hosts = mappedHosts?.hosts.filter((host) => !known.hostNames.has(host.name)) ?? [];
    for (const host of hosts) known.hostNames.add(host.name);
    const serviceChecks = withoutOrphans(mappedChecks.serviceChecks, known.hostNames, skipped);
    const latest = mappedChecks.latestStatusUpdate;
    const statusTime = latest === null ? cursorTime : cursorTime === null ? latest : Math.max(latest, cursorTime);
    return { kind: "incremental", hosts, removedHosts: [], serviceChecks, removedServiceChecks: [], skipped, cursor: this.issueCursor(statusTime) };
  }

  private issueCursor(statusTime: number | null): string {
    this.readsIssued += 1;
    this.lastCursor = encodeCursor({ statusTime, read: this.readsIssued });
    return this.lastCursor;
  }

  /**
   * Hosts on one connection of the pool and the checks on CHECK_READ_PARTS more, all at once, each in
   * its own read-only snapshot. The snapshots start a moment apart: a check whose host appeared in
   * between is skipped as an orphan this read and read with its host on the next.
   */
  private async fetchFull(connection: PoolConnection, database: Database): Promise<FullRows> {
    const q = database.queries;
    const [hostRows, checkRows] = await Promise.all([
      withPooledConnection(this.poolOf(database), this.limits, (second) =>
        this.inSnapshot(second, q, async (): Promise<HostRowSets> => ({
          hosts: await selectRows(second, q.hosts(), this.limits),
          groups: await selectRows(second, q.hostGroups(), this.limits),
          templates: await selectRows(second, q.hostTemplates(), this.limits),
          keywords: await selectRows(second, q.hostKeywords(), this.limits),
        })),
      ),
      this.fetchChecksInParts(connection, database),
    ]);
    return { hostRows, checkRows };
  }

  /**
   * Every check, read as CHECK_READ_PARTS ranges of object ids on as many connections at once: the
   * server works on each range on its own core while this process parses the rows that have come.
   * The outer ranges are open, so the bounds only balance the parts; a check is in exactly one of them.
   */
  private async fetchChecksInParts(connection: PoolConnection, database: Database): Promise<DatabaseRow[]> {
    const q = database.queries;
    const [bounds] = await selectRows(connection, q.serviceCheckIdBounds(), this.limits);
    const read = (on: PoolConnection, [from, to]: IdRange) => this.inSnapshot(on, q, () => selectRows(on, q.serviceChecksInRange(from, to), this.limits));
    const parts = await Promise.all(
      objectIdRanges(bounds, CHECK_READ_PARTS).map((range, index) =>
        index === 0 ? read(connection, range) : withPooledConnection(this.poolOf(database), this.limits, (other) => read(other, range)),
      ),
    );
    return ([] as DatabaseRow[]).concat(...parts);
  }

  private async inSnapshot<T>(on: PoolConnection, q: OpsviewQueries, read: () => Promise<T>): Promise<T> {
    await runCommand(on, q.startReadOnlySnapshot, this.limits);
    const value = await read();
    await runCommand(on, q.endReadOnlySnapshot, this.limits);
    return value;
  }

  private async fetchHostsByName(connection: PoolConnection, q: OpsviewQueries, names: string[]): Promise<HostRowSets> {
    const hosts = await selectRowsForIds(connection, names, q.hostsByName, this.limits);
    const objectIds = hosts.map(objectIdOfHostRow).filter((id) => id !== null);
    if (objectIds.length === 0) return { hosts, groups: [], templates: [], keywords: [] };
    return {
      hosts,
      groups: await selectRowsForIds(connection, objectIds, q.hostGroupsByHost, this.limits),
      templates: await selectRowsForIds(connection, objectIds, q.hostTemplatesByHost, this.limits),
      keywords: await selectRowsForIds(connection, objectIds, q.hostKeywordsByHost, this.limits),
    };
  }

  /** Main first; on the backup, main again every retryMainEveryMs; an error only when every database fails. */
  private async onAvailableDatabase<T>(
    work: (connection: PoolConnection, database: Database) => Promise<T>,
  ): Promise<{ value: T; role: Role }> {
    const failures: string[] = [];
    const failed = new Map<Role, string>();
    for (const role of this.databaseOrder()) {
      const database = this.databases[role];
      if (!database) continue;
      try {
        const value = await withPooledConnection(this.poolOf(database), this.limits, (connection) => work(connection, database));
        this.switchTo(role, failed);
        return { value, role };
      } catch (error) {
        if (!isDriverError(error)) throw error;
        const reason = explainDatabaseError(error, database.connection.password);
        failed.set(role, reason);
        failures.push(`${role} database ${connectionAddress(database.connection)}: ${reason}`);
        if (role === "main") this.lastMainAttemptAt = this.now();
      }
    }
    throw new SourceUnavailableError(`${this.label} unavailable: ${failures.join("; ")}`);
  }

  private databaseOrder(): Role[] {
    if (!this.databases.backup) return ["main"];
    if (this.active === "main") return ["main", "backup"];
    return this.now() - this.lastMainAttemptAt >= this.retryMainEveryMs ? ["main", "backup"] : ["backup", "main"];
  }

  private switchTo(role: Role, failed: Map<Role, string>): void {
    if (role === this.active) return;
    const main = this.databases.main;
    const backup = this.databases.backup;
    if (!main || !backup) return;
    this.active = role;
    if (role === "backup") {
      this.emit(
        "failover",
        `Main database ${connectionAddress(main.connection)} failed (${failed.get("main") ?? "unknown error"}); reading from the backup database ${connectionAddress(backup.connection)}`,
      );
    } else {
      const backupProblem = failed.get("backup");
      this.emit(
        "failback",
        `Main database ${connectionAddress(main.connection)} answers again; reading from it instead of the backup database ${connectionAddress(backup.connection)}${backupProblem ? ` (which failed: ${backupProblem})` : ""}`,
      );
    }
  }

  private emit(kind: SourceEvent["kind"], message: string): void {
    this.options.onEvent?.({ at: this.now(), kind, message });
  }

  private poolOf(database: Database): Pool {
    database.pool ??= createReadPool(database.connection, this.limits);
    return database.pool;
  }
}

function withoutOrphans(checks: SourceServiceCheck[], hostNames: Set<string>, skipped: SkippedRow[]): SourceServiceCheck[] {
  return checks.filter((check) => {
    if (hostNames.has(check.host)) return true;
    skipped.push({ key: `${check.host}/${check.name}`, reason: `host ${check.host} is not an active host` });
    return false;
  });
}
