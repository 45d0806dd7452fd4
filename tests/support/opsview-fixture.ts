import type { Connection, RowDataPacket } from "mysql2/promise";
import type { MariaDbServer } from "./mariadb-server";

/**
 * Opsview's `runtime` (NDOUtils + Opsview helper tables) and `opsview` (configuration) databases,
 * written from the tables and columns in docs/sources.md §5.1.
 * Times are written with FROM_UNIXTIME like NDOUtils does, never as zero dates.
 */

export interface OpsviewSchemaOptions {
  runtimeDatabase?: string;
  configDatabase?: string;
  /** NDOUtils table prefix; "nagios_" in Opsview. */
  tablePrefix?: string;
}

export interface FixtureServiceCheck {
  name: string;
  /** Raw NDO values (0..3), so a test can also write a malformed row. Default 0. */
  state?: number;
  /** 0 soft, 1 hard. Default 1. */
  stateType?: number;
  acknowledged?: boolean;
  downtimeDepth?: number;
  output?: string;
  /** Epoch ms; null writes NULL. Default: the estate's `at`. */
  lastStateChange?: number | null;
  /** Epoch ms. Default: the estate's `at`. */
  statusUpdateTime?: number;
  /** False keeps the object as an inactive row, as NDOUtils does for removed objects. */
  active?: boolean;
  /** The Opsview service check it comes from; default: its name. */
  serviceCheck?: string;
}

export interface FixtureHost {
  name: string;
  alias?: string;
  address?: string;
  hostGroups?: string[];
  hostTemplates?: { name: string; priority: number }[];
  keywords?: string[];
  active?: boolean;
  services: FixtureServiceCheck[];
}

export interface OpsviewEstate {
  /** Host templates and the service checks each one applies. */
  hostTemplates: { name: string; serviceChecks: string[] }[];
  /** Service groups and their service checks (each check in at most one, as in Opsview). Unlisted checks have none. */
  serviceGroups?: { name: string; serviceChecks: string[] }[];
  hosts: FixtureHost[];
  /** Default time for status rows (epoch ms). Default: now. */
  at?: number;
}

export interface ServiceStatusUpdate {
  state?: number;
  stateType?: number;
  acknowledged?: boolean;
  downtimeDepth?: number;
  output?: string;
  /** When Opsview wrote the result (epoch ms). */
  at: number;
}

interface Names {
  runtime: string;
  config: string;
  prefix: string;
}

function names(options: OpsviewSchemaOptions = {}): Names {
  const result = {
    runtime: options.runtimeDatabase ?? "runtime",
    config: options.configDatabase ?? "opsview",
    prefix: options.tablePrefix ?? "nagios_",
  };
  for (const name of [result.runtime, result.config, `${result.prefix}objects`]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  }
  return result;
}

function schemaStatements(n: Names): string[] {
  const r = (table: string) => `\`${n.runtime}\`.\`${table}\``;
  const ndo = (table: string) => r(`${n.prefix}${table}`);
  const c = (table: string) => `\`${n.config}\`.\`${table}\``;
  const engine = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  return [
    `DROP DATABASE IF EXISTS \`${n.runtime}\``,
    `DROP DATABASE IF EXISTS \`${n.config}\``,
    `CREATE DATABASE \`${n.runtime}\` CHARACTER SET utf8mb4`,
    `CREATE DATABASE \`${n.config}\` CHARACTER SET utf8mb4`,
    `CREATE TABLE ${ndo("objects")} (
      object_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      instance_id SMALLINT UNSIGNED NOT NULL DEFAULT 1,
      objecttype_id SMALLINT UNSIGNED NOT NULL,
      name1 VARCHAR(128) NULL,
      name2 VARCHAR(128) NULL,
      is_active SMALLINT NOT NULL DEFAULT 0,
      KEY objecttype_name (objecttype_id, name1, name2)
    ) ${engine}`,
    `CREATE TABLE ${ndo("hoststatus")} (
      host_object_id INT UNSIGNED NOT NULL PRIMARY KEY,
      current_state SMALLINT NOT NULL DEFAULT 0,
      state_type SMALLINT NOT NULL DEFAULT 0,
      problem_has_been_acknowledged SMALLINT NOT NULL DEFAULT 0,
      scheduled_downtime_depth SMALLINT NOT NULL DEFAULT 0,
      output TEXT NULL,
      last_check DATETIME NULL,
      last_state_change DATETIME NULL,
      status_update_time DATETIME NULL
    ) ${engine}`,
    `CREATE TABLE ${ndo("servicestatus")} (
      service_object_id INT UNSIGNED NOT NULL PRIMARY KEY,
      current_state SMALLINT NOT NULL DEFAULT 0,
      state_type SMALLINT NOT NULL DEFAULT 0,
      problem_has_been_acknowledged SMALLINT NOT NULL DEFAULT 0,
      scheduled_downtime_depth SMALLINT NOT NULL DEFAULT 0,
      output TEXT NULL,
      last_check DATETIME NULL,
      last_state_change DATETIME NULL,
      status_update_time DATETIME NULL,
      current_check_attempt SMALLINT NOT NULL DEFAULT 1,
      max_check_attempts SMALLINT NOT NULL DEFAULT 3,
      KEY status_update_time (status_update_time)
    ) ${engine}`,
    `CREATE TABLE ${ndo("services")} (
      service_object_id INT UNSIGNED NOT NULL PRIMARY KEY,
      host_object_id INT UNSIGNED NOT NULL,
      display_name VARCHAR(255) NOT NULL DEFAULT '',
      KEY host_object_id (host_object_id)
    ) ${engine}`,
    `CREATE TABLE ${ndo("scheduleddowntime")} (
      object_id INT UNSIGNED NOT NULL,
      downtime_type SMALLINT NOT NULL,
      scheduled_start_time DATETIME NULL,
      scheduled_end_time DATETIME NULL,
      was_started SMALLINT NOT NULL DEFAULT 0,
      author_name VARCHAR(64) NOT NULL DEFAULT '',
      comment_data TEXT NULL,
      KEY object_id (object_id)
    ) ${engine}`,
    `CREATE TABLE ${ndo("acknowledgements")} (
      object_id INT UNSIGNED NOT NULL,
      entry_time DATETIME NULL,
      author_name VARCHAR(64) NOT NULL DEFAULT '',
      comment_data TEXT NULL,
      is_sticky SMALLINT NOT NULL DEFAULT 0,
      KEY object_id (object_id)
    ) ${engine}`,
    `CREATE TABLE ${ndo("statehistory")} (
      object_id INT UNSIGNED NOT NULL,
      state_time DATETIME NULL,
      state SMALLINT NOT NULL DEFAULT 0,
      state_type SMALLINT NOT NULL DEFAULT 0,
      last_state SMALLINT NOT NULL DEFAULT 0,
      output TEXT NULL,
      KEY object_time (object_id, state_time)
    ) ${engine}`,
    `CREATE TABLE ${r("opsview_hosts")} (
      id INT UNSIGNED NOT NULL PRIMARY KEY,
      opsview_host_id INT UNSIGNED NOT NULL,
      name VARCHAR(128) NOT NULL,
      alias VARCHAR(255) NULL,
      ip VARCHAR(255) NULL,
      hostgroup_id INT UNSIGNED NULL,
      KEY opsview_host_id (opsview_host_id),
      KEY name (name)
    ) ${engine}`,
    `CREATE TABLE ${r("opsview_host_services")} (
      service_object_id INT UNSIGNED NOT NULL PRIMARY KEY,
      host_object_id INT UNSIGNED NOT NULL,
      hostname VARCHAR(128) NOT NULL,
      servicename VARCHAR(128) NOT NULL,
      servicecheck_id INT UNSIGNED NULL,
      servicegroup_id INT UNSIGNED NULL,
      KEY host_object_id (host_object_id)
    ) ${engine}`,
    `CREATE TABLE ${r("opsview_hostgroups")} (
      id INT UNSIGNED NOT NULL PRIMARY KEY,
      parentid INT UNSIGNED NULL,
      name VARCHAR(128) NOT NULL,
      lft INT UNSIGNED NOT NULL,
      rgt INT UNSIGNED NOT NULL,
      matpath TEXT NOT NULL
    ) ${engine}`,
    `CREATE TABLE ${r("opsview_hostgroup_hosts")} (
      hostgroup_id INT UNSIGNED NOT NULL,
      host_object_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (hostgroup_id, host_object_id),
      KEY host_object_id (host_object_id)
    ) ${engine}`,
    `CREATE TABLE ${r("opsview_viewports")} (
      viewportid INT UNSIGNED NOT NULL,
      keyword VARCHAR(128) NOT NULL,
      hostname VARCHAR(128) NOT NULL,
      servicename VARCHAR(128) NULL,
      host_object_id INT UNSIGNED NOT NULL,
      object_id INT UNSIGNED NOT NULL,
      KEY host_object_id (host_object_id),
      KEY object_id (object_id)
    ) ${engine}`,
    `CREATE TABLE ${c("hosttemplates")} (
      id INT UNSIGNED NOT NULL PRIMARY KEY,
      name VARCHAR(128) NOT NULL,
      UNIQUE KEY name (name)
    ) ${engine}`,
    `CREATE TABLE ${c("hosthosttemplates")} (
      hostid INT UNSIGNED NOT NULL,
      hosttemplateid INT UNSIGNED NOT NULL,
      priority INT NULL,
      PRIMARY KEY (hostid, hosttemplateid)
    ) ${engine}`,
    `CREATE TABLE ${c("hosttemplateservicechecks")} (
      hosttemplateid INT UNSIGNED NOT NULL,
      servicecheckid INT UNSIGNED NOT NULL,
      PRIMARY KEY (hosttemplateid, servicecheckid)
    ) ${engine}`,
    `CREATE TABLE ${c("servicechecks")} (
      id INT UNSIGNED NOT NULL PRIMARY KEY,
      name VARCHAR(128) NOT NULL,
      servicegroup INT UNSIGNED NULL,
      UNIQUE KEY name (name)
    ) ${engine}`,
    `CREATE TABLE ${c("servicegroups")} (
      id INT UNSIGNED NOT NULL PRIMARY KEY,
      name VARCHAR(128) NOT NULL,
      UNIQUE KEY name (name)
    ) ${engine}`,
  ];
}

/** Drops and creates both databases with every table of docs/sources.md §5.1. */
export async function createOpsviewSchema(connection: Connection, options: OpsviewSchemaOptions = {}): Promise<void> {
  for (const statement of schemaStatements(names(options))) await connection.query(statement);
}

type Cell = string | number | null;
const ROWS_PER_INSERT = 2000;

/** Multi-row INSERT; a column written as "FROM_UNIXTIME(?)" takes epoch seconds, like NDOUtils does. */
async function insertRows(connection: Connection, table: string, columns: string[], rows: Cell[][], expressions: Record<string, string> = {}) {
  const tuple = `(${columns.map((column) => expressions[column] ?? "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await connection.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`,
      chunk.flat(),
    );
  }
}

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.floor(ms / 1000));

export interface LoadedEstate {
  hosts: number;
  serviceChecks: number;
}

/** Loads an estate into freshly created schemas (createOpsviewSchema first). */
export async function loadOpsviewEstate(connection: Connection, estate: OpsviewEstate, options: OpsviewSchemaOptions = {}): Promise<LoadedEstate> {
  const n = names(options);
  const r = (table: string) => `\`${n.runtime}\`.\`${table}\``;
  const ndo = (table: string) => r(`${n.prefix}${table}`);
  const c = (table: string) => `\`${n.config}\`.\`${table}\``;
  const at = estate.at ?? Date.now();

  const serviceCheckIds = new Map<string, number>();
  const serviceCheckId = (name: string) => {
    if (!serviceCheckIds.has(name)) serviceCheckIds.set(name, serviceCheckIds.size + 1);
    return serviceCheckIds.get(name) as number;
  };
  const templateIds = new Map<string, number>();
  const templateId = (name: string) => {
    if (!templateIds.has(name)) templateIds.set(name, templateIds.size + 1);
    return templateIds.get(name) as number;
  };
  const templateChecks: Cell[][] = [];
  for (const template of estate.hostTemplates) {
    const id = templateId(template.name);
    for (const check of new Set(template.serviceChecks)) templateChecks.push([id, serviceCheckId(check)]);
  }

  const serviceGroupIds = new Map((estate.serviceGroups ?? []).map((group, index) => [group.name, index + 1]));
  const serviceGroupOfCheck = new Map<string, number>();
  for (const group of estate.serviceGroups ?? []) {
    for (const check of group.serviceChecks) serviceGroupOfCheck.set(check, serviceGroupIds.get(group.name) as number);
  }

  const groupNames = [...new Set(estate.hosts.flatMap((host) => host.hostGroups ?? []))];
  // A nested set: the root group "Opsview" holds every group as a leaf.
  const groupIds = new Map(groupNames.map((name, index) => [name, index + 2]));
  const groups: Cell[][] = [[1, null, "Opsview", 1, 2 * groupNames.length + 2, "Opsview,"]];
  groupNames.forEach((name, index) => groups.push([index + 2, 1, name, 2 * index + 2, 2 * index + 3, `Opsview,${name},`]));

  const keywordIds = new Map<string, number>();
  const keywordId = (keyword: string) => {
    if (!keywordIds.has(keyword)) keywordIds.set(keyword, keywordIds.size + 1);
    return keywordIds.get(keyword) as number;
  };

  const objects: Cell[][] = [];
  const hostStatus: Cell[][] = [];
  const serviceStatus: Cell[][] = [];
  const services: Cell[][] = [];
  const opsviewHosts: Cell[][] = [];
  const hostServices: Cell[][] = [];
  const hostGroupHosts: Cell[][] = [];
  const viewports: Cell[][] = [];
  const hostHostTemplates: Cell[][] = [];
  let objectId = 0;
  let serviceCount = 0;

  estate.hosts.forEach((host, index) => {
    const hostObjectId = ++objectId;
    const opsviewHostId = index + 1;
    const hostGroups = host.hostGroups ?? [];
    objects.push([hostObjectId, 1, 1, host.name, null, host.active === false ? 0 : 1]);
    hostStatus.push([hostObjectId, 0, 1, 0, 0, "PING OK", seconds(at), seconds(at), seconds(at)]);
    opsviewHosts.push([hostObjectId, opsviewHostId, host.name, host.alias ?? host.name, host.address ?? "", hostGroups.length ? (groupIds.get(hostGroups[0]) ?? null) : null]);
    for (const group of new Set(hostGroups)) hostGroupHosts.push([groupIds.get(group) ?? 1, hostObjectId]);
    for (const template of host.hostTemplates ?? []) hostHostTemplates.push([opsviewHostId, templateId(template.name), template.priority]);
    const keywords = [...new Set(host.keywords ?? [])];
    if (host.services.length === 0) {
      for (const keyword of keywords) viewports.push([keywordId(keyword), keyword, host.name, null, hostObjectId, hostObjectId]);
    }
    for (const service of host.services) {
      const serviceObjectId = ++objectId;
      serviceCount += 1;
      objects.push([serviceObjectId, 1, 2, host.name, service.name, service.active === false ? 0 : 1]);
      const updated = service.statusUpdateTime ?? at;
      serviceStatus.push([
        serviceObjectId,
        service.state ?? 0,
        service.stateType ?? 1,
        service.acknowledged ? 1 : 0,
        service.downtimeDepth ?? 0,
        service.output ?? "",
        seconds(updated),
        seconds(service.lastStateChange === undefined ? at : service.lastStateChange),
        seconds(updated),
      ]);
      services.push([serviceObjectId, hostObjectId, service.name]);
      const serviceCheck = service.serviceCheck ?? service.name;
      hostServices.push([serviceObjectId, hostObjectId, host.name, service.name, serviceCheckId(serviceCheck), serviceGroupOfCheck.get(serviceCheck) ?? null]);
      for (const keyword of keywords) viewports.push([keywordId(keyword), keyword, host.name, service.name, hostObjectId, serviceObjectId]);
    }
  });

  const dates = (...columns: string[]) => Object.fromEntries(columns.map((column) => [column, "FROM_UNIXTIME(?)"]));
  await insertRows(connection, ndo("objects"), ["object_id", "instance_id", "objecttype_id", "name1", "name2", "is_active"], objects);
  await insertRows(
    connection,
    ndo("hoststatus"),
    ["host_object_id", "current_state", "state_type", "problem_has_been_acknowledged", "scheduled_downtime_depth", "output", "last_check", "last_state_change", "status_update_time"],
    hostStatus,
    dates("last_check", "last_state_change", "status_update_time"),
  );
  await insertRows(
    connection,
    ndo("servicestatus"),
    ["service_object_id", "current_state", "state_type", "problem_has_been_acknowledged", "scheduled_downtime_depth", "output", "last_check", "last_state_change", "status_update_time"],
    serviceStatus,
    dates("last_check", "last_state_change", "status_update_time"),
  );
  await insertRows(connection, ndo("services"), ["service_object_id", "host_object_id", "display_name"], services);
  await insertRows(connection, r("opsview_hosts"), ["id", "opsview_host_id", "name", "alias", "ip", "hostgroup_id"], opsviewHosts);
  await insertRows(
    connection,
    r("opsview_host_services"),
    ["service_object_id", "host_object_id", "hostname", "servicename", "servicecheck_id", "servicegroup_id"],
    hostServices,
  );
  await insertRows(connection, r("opsview_hostgroups"), ["id", "parentid", "name", "lft", "rgt", "matpath"], groups);
  await insertRows(connection, r("opsview_hostgroup_hosts"), ["hostgroup_id", "host_object_id"], hostGroupHosts);
  await insertRows(connection, r("opsview_viewports"), ["viewportid", "keyword", "hostname", "servicename", "host_object_id", "object_id"], viewports);
  await insertRows(connection, c("hosttemplates"), ["id", "name"], [...templateIds].map(([name, id]) => [id, name]));
  await insertRows(connection, c("hosthosttemplates"), ["hostid", "hosttemplateid", "priority"], hostHostTemplates);
  await insertRows(connection, c("hosttemplateservicechecks"), ["hosttemplateid", "servicecheckid"], templateChecks);
  await insertRows(
    connection,
    c("servicechecks"),
    ["id", "name", "servicegroup"],
    [...serviceCheckIds].map(([name, id]) => [id, name, serviceGroupOfCheck.get(name) ?? null]),
  );
  await insertRows(connection, c("servicegroups"), ["id", "name"], [...serviceGroupIds].map(([name, id]) => [id, name]));
  return { hosts: estate.hosts.length, serviceChecks: serviceCount };
}

/** A user that may only SELECT from the two databases, as a monitoring connector should be given. Adds to earlier grants. */
export async function createOpsviewReader(
  connection: Connection,
  account: { user: string; password: string },
  options: OpsviewSchemaOptions = {},
): Promise<void> {
  const n = names(options);
  for (const host of ["127.0.0.1", "localhost"]) {
    await connection.query("CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?", [account.user, host, account.password]);
    await connection.query("ALTER USER ?@? IDENTIFIED BY ?", [account.user, host, account.password]);
    await connection.query(`GRANT SELECT ON \`${n.runtime}\`.* TO ?@?`, [account.user, host]);
    await connection.query(`GRANT SELECT ON \`${n.config}\`.* TO ?@?`, [account.user, host]);
  }
}

async function serviceObjectId(connection: Connection, n: Names, host: string, service: string): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT object_id FROM \`${n.runtime}\`.\`${n.prefix}objects\` WHERE objecttype_id = 2 AND name1 = ? AND name2 = ?`,
    [host, service],
  );
  if (rows.length !== 1) throw new Error(`fixture: ${rows.length} service objects named ${host}/${service}`);
  return Number(rows[0].object_id);
}

/**
 * Writes a check result the way Opsview's NDOUtils does: status_update_time and last_check become
 * `at`; last_state_change moves (and a statehistory row is added) only when the state changes.
 */
export async function setServiceStatus(
  connection: Connection,
  host: string,
  service: string,
  update: ServiceStatusUpdate,
  options: OpsviewSchemaOptions = {},
): Promise<void> {
  const n = names(options);
  const status = `\`${n.runtime}\`.\`${n.prefix}servicestatus\``;
  const objectId = await serviceObjectId(connection, n, host, service);
  const [rows] = await connection.query<RowDataPacket[]>(
    `SELECT current_state, state_type, problem_has_been_acknowledged, scheduled_downtime_depth, output FROM ${status} WHERE service_object_id = ?`,
    [objectId],
  );
  const current = rows[0];
  if (!current) throw new Error(`fixture: no status row for ${host}/${service}`);
  const state = update.state ?? Number(current.current_state);
  const stateType = update.stateType ?? Number(current.state_type);
  const stateChanged = state !== Number(current.current_state);
  const at = seconds(update.at);
  await connection.query(
    `UPDATE ${status} SET current_state = ?, state_type = ?, problem_has_been_acknowledged = ?, scheduled_downtime_depth = ?,
       output = ?, last_check = FROM_UNIXTIME(?), status_update_time = FROM_UNIXTIME(?)
       ${stateChanged ? ", last_state_change = FROM_UNIXTIME(?)" : ""}
     WHERE service_object_id = ?`,
    [
      state,
      stateType,
      update.acknowledged === undefined ? Number(current.problem_has_been_acknowledged) : update.acknowledged ? 1 : 0,
      update.downtimeDepth ?? Number(current.scheduled_downtime_depth),
      update.output ?? String(current.output ?? ""),
      at,
      at,
      ...(stateChanged ? [at] : []),
      objectId,
    ],
  );
  if (stateChanged) {
    await connection.query(
      `INSERT INTO \`${n.runtime}\`.\`${n.prefix}statehistory\` (object_id, state_time, state, state_type, last_state, output)
       VALUES (?, FROM_UNIXTIME(?), ?, ?, ?, ?)`,
      [objectId, at, state, stateType, Number(current.current_state), update.output ?? ""],
    );
  }
  if (update.acknowledged && !Number(current.problem_has_been_acknowledged)) {
    await connection.query(
      `INSERT INTO \`${n.runtime}\`.\`${n.prefix}acknowledgements\` (object_id, entry_time, author_name, comment_data, is_sticky)
       VALUES (?, FROM_UNIXTIME(?), 'fixture', 'acknowledged by the test fixture', 1)`,
      [objectId, at],
    );
  }
}

/** Marks a host (service null) or a service object active or inactive, as NDOUtils does on reload. */
export async function setObjectActive(
  connection: Connection,
  host: string,
  service: string | null,
  active: boolean,
  options: OpsviewSchemaOptions = {},
): Promise<void> {
  const n = names(options);
  await connection.query(
    `UPDATE \`${n.runtime}\`.\`${n.prefix}objects\` SET is_active = ?
     WHERE objecttype_id = ? AND name1 = ? AND ${service === null ? "name2 IS NULL" : "name2 = ?"}`,
    service === null ? [active ? 1 : 0, 1, host] : [active ? 1 : 0, 2, host, service],
  );
}

export interface EstateSize {
  hosts: number;
  checksPerHost: number;
  templates?: number;
  hostGroups?: number;
  keywordsPerHost?: number;
  /** Time of the status rows (epoch ms). Default: now. */
  at?: number;
  seed?: number;
}

function pseudoRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic estate of `hosts` × `checksPerHost` checks: each host has a primary template that
 * contributes all of its checks (every fourth host also a second, lower-priority template), one host
 * group, keywords, and mostly OK states with some warnings, criticals, acknowledgements and downtime.
 */
export function generateOpsviewEstate(size: EstateSize): OpsviewEstate {
  const random = pseudoRandom(size.seed ?? 42);
  const at = size.at ?? Date.now();
  const templateCount = Math.max(1, size.templates ?? 20);
  const groupCount = Math.max(1, size.hostGroups ?? 50);
  const keywordsPerHost = size.keywordsPerHost ?? 1;
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  const templates = Array.from({ length: templateCount }, (_, index) => {
    const name = `Template ${pad(index + 1, 3)}`;
    return { name, serviceChecks: Array.from({ length: size.checksPerHost }, (_, check) => `${name} check ${pad(check + 1, 3)}`) };
  });
  const hostWidth = String(size.hosts).length;
  const hosts: FixtureHost[] = Array.from({ length: size.hosts }, (_, index) => {
    const primary = templates[index % templateCount];
    const hostTemplates = [{ name: primary.name, priority: 1 }];
    if (templateCount > 1 && index % 4 === 0) hostTemplates.push({ name: templates[(index + 1) % templateCount].name, priority: 2 });
    const name = `host-${pad(index + 1, hostWidth)}`;
    return {
      name,
      alias: `Host ${index + 1}`,
      address: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      hostGroups: [`Group ${pad((index % groupCount) + 1, 3)}`],
      hostTemplates,
      keywords: Array.from({ length: keywordsPerHost }, (_, keyword) => `keyword-${((index + keyword) % 25) + 1}`),
      services: primary.serviceChecks.map((check) => {
        const roll = random();
        const state = roll < 0.9 ? 0 : roll < 0.95 ? 1 : roll < 0.99 ? 2 : 3;
        const changedAgo = Math.floor(random() * 86_400_000);
        return {
          name: check,
          state,
          stateType: 1,
          acknowledged: state !== 0 && random() < 0.2,
          downtimeDepth: random() < 0.005 ? 1 : 0,
          output: state === 0 ? "OK" : `${["OK", "WARNING", "CRITICAL", "UNKNOWN"][state]}: generated`,
          lastStateChange: at - changedAgo,
          statusUpdateTime: at - Math.floor(random() * 300_000),
        };
      }),
    };
  });
  return { hostTemplates: templates, hosts, at };
}

/** The fixture bound to one server: schema, estate, a read-only user and Opsview-like status writes. */
export interface OpsviewFixture {
  /** Superuser connection the fixture writes through; also for raw statements in tests. */
  connection: Connection;
  options: Required<OpsviewSchemaOptions>;
  /** Recreates both schemas and loads the estate. */
  load(estate: OpsviewEstate): Promise<LoadedEstate>;
  createReader(account: { user: string; password: string }): Promise<void>;
  setServiceStatus(host: string, service: string, update: ServiceStatusUpdate): Promise<void>;
  setObjectActive(host: string, service: string | null, active: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Connects as the superuser and creates empty schemas. */
export async function openOpsviewFixture(server: MariaDbServer, options: OpsviewSchemaOptions = {}): Promise<OpsviewFixture> {
  const n = names(options);
  const resolved = { runtimeDatabase: n.runtime, configDatabase: n.config, tablePrefix: n.prefix };
  const connection = await server.connect();
  await createOpsviewSchema(connection, resolved);
  return {
    connection,
    options: resolved,
    load: async (estate) => {
      await createOpsviewSchema(connection, resolved);
      return loadOpsviewEstate(connection, estate, resolved);
    },
    createReader: (account) => createOpsviewReader(connection, account, resolved),
    setServiceStatus: (host, service, update) => setServiceStatus(connection, host, service, update, resolved),
    setObjectActive: (host, service, active) => setObjectActive(connection, host, service, active, resolved),
    close: () => connection.end().catch(() => connection.destroy()),
  };
}
