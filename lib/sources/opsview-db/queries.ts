import { SQL_IDENTIFIER, TABLE_PREFIX } from "./settings";
import { OPSVIEW_CONFIG_TEMPLATES, type HostTemplateSource } from "./template-source";

/**
 * Every statement the Opsview runtime database source sends. Opsview releases (and Icinga's IDO,
 * which uses the same NDO tables with an `icinga_` prefix) differ, so this is the one file to adapt.
 * Read-only: SELECTs and a read-only transaction for a consistent full read. Values travel as `?`
 * placeholders; only validated database names and the table prefix are interpolated.
 *
 * Times are read as UNIX_TIMESTAMP(...) and compared with FROM_UNIXTIME(?): NDOUtils writes
 * DATETIMEs in the server's time zone, and these functions convert with the same session zone.
 */

export interface SqlStatement {
  sql: string;
  values: unknown[];
}

export interface OpsviewSchemaNames {
  runtimeDatabase: string;
  configDatabase: string;
  /** Prefix of the NDOUtils tables: "nagios_" in Opsview, "icinga_" in Icinga's IDO. */
  tablePrefix: string;
  /**
   * Opsview's configuration tables (the default) read hosts through Opsview's helper tables; the
   * other choices read Icinga's IDO tables (icinga_hosts, icinga_hostgroups, icinga_customvariables).
   */
  hostTemplates?: HostTemplateSource;
}

export const NDO_OBJECT_TYPE = { host: 1, service: 2 } as const;

// Rows arrive as arrays (no object per row): each SELECT lists its columns in the order of these
// lists, and the mapper reads a column by its index in the list.
export const HOST_COLUMNS = ["object_id", "host_name", "alias", "address"] as const;
export const HOST_GROUP_COLUMNS = ["host_object_id", "name"] as const;
export const HOST_TEMPLATE_COLUMNS = ["host_object_id", "name", "priority", "is_json"] as const;
export const HOST_KEYWORD_COLUMNS = ["host_object_id", "keyword"] as const;
export const SERVICE_CHECK_COLUMNS = [
  "object_id",
  "host_name",
  "service_name",
  "current_state",
  "state_type",
  "acknowledged",
  "downtime_depth",
  "output",
  "last_state_change",
  "status_update_time",
  "template_name",
  "template_is_json",
  "service_group",
] as const;

export type ColumnIndex<Columns extends readonly string[]> = { readonly [Column in Columns[number]]: number };

export function columnIndex<const Columns extends readonly string[]>(columns: Columns): ColumnIndex<Columns> {
  return Object.fromEntries(columns.map((column, index) => [column, index])) as ColumnIndex<Columns>;
}

function selectList<const Columns extends readonly string[]>(columns: Columns, expressions: Record<Columns[number], string>): string {
  return columns.map((column: Columns[number]) => `${expressions[column]} AS ${column}`).join(", ");
}

function identifier(name: string): string {
  if (!SQL_IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}

/** Fully qualified table names for one schema layout. */
export function opsviewTables(names: OpsviewSchemaNames) {
  if (!TABLE_PREFIX.test(names.tablePrefix)) throw new Error(`Not a safe table prefix: ${JSON.stringify(names.tablePrefix)}`);
  const runtime = (table: string) => `${identifier(names.runtimeDatabase)}.${identifier(table)}`;
  const ndo = (table: string) => runtime(`${names.tablePrefix}${table}`);
  const config = (table: string) => `${identifier(names.configDatabase)}.${identifier(table)}`;
  return {
    objects: ndo("objects"),
    hosts: ndo("hosts"),
    hostGroups: ndo("hostgroups"),
    hostGroupMembers: ndo("hostgroup_members"),
    serviceGroups: ndo("servicegroups"),
    serviceGroupMembers: ndo("servicegroup_members"),
    customVariables: ndo("customvariables"),
    hostStatus: ndo("hoststatus"),
    serviceStatus: ndo("servicestatus"),
    services: ndo("services"),
    scheduledDowntime: ndo("scheduleddowntime"),
    acknowledgements: ndo("acknowledgements"),
    stateHistory: ndo("statehistory"),
    opsviewHosts: runtime("opsview_hosts"),
    opsviewHostServices: runtime("opsview_host_services"),
    opsviewHostGroups: runtime("opsview_hostgroups"),
    opsviewHostGroupHosts: runtime("opsview_hostgroup_hosts"),
    opsviewViewports: runtime("opsview_viewports"),
    hostTemplates: config("hosttemplates"),
    hostHostTemplates: config("hosthosttemplates"),
    hostTemplateServiceChecks: config("hosttemplateservicechecks"),
    serviceChecks: config("servicechecks"),
    opsviewServiceGroups: config("servicegroups"),
  };
}

export type OpsviewTables = ReturnType<typeof opsviewTables>;

/** Limits how many ids go into one `IN (?)` list. */
export const MAX_IDS_PER_STATEMENT = 1000;

export function buildOpsviewQueries(names: OpsviewSchemaNames) {
  const t = opsviewTables(names);
  const templateSource = names.hostTemplates ?? OPSVIEW_CONFIG_TEMPLATES;
  const layout = templateSource.from === "opsview-config" ? "opsview" : "ido";

  const hostColumns = selectList(
    HOST_COLUMNS,
    layout === "opsview"
      ? { object_id: "o.object_id", host_name: "o.name1", alias: "oh.alias", address: "oh.ip" }
      : { object_id: "o.object_id", host_name: "o.name1", alias: "h.alias", address: "h.address" },
  );
  const hostFrom =
    layout === "opsview"
      ? `FROM ${t.objects} o LEFT JOIN ${t.opsviewHosts} oh ON oh.id = o.object_id`
      : `FROM ${t.objects} o LEFT JOIN ${t.hosts} h ON h.host_object_id = o.object_id`;
  const activeHosts = `o.objecttype_id = ${NDO_OBJECT_TYPE.host} AND o.is_active = 1`;

  // Host groups as (host_object_id, name) rows.
  const idoHostGroupMembers = `${t.hostGroupMembers} hgm
    JOIN ${t.hostGroups} hg ON hg.hostgroup_id = hgm.hostgroup_id
    JOIN ${t.objects} hgo ON hgo.object_id = hg.hostgroup_object_id AND hgo.is_active = 1`;
  const hostGroupsSelect =
    layout === "opsview"
      ? `SELECT ${selectList(HOST_GROUP_COLUMNS, { host_object_id: "hgh.host_object_id", name: "hg.name" })} FROM ${t.opsviewHostGroupHosts} hgh
    JOIN ${t.opsviewHostGroups} hg ON hg.id = hgh.hostgroup_id`
      : `SELECT ${selectList(HOST_GROUP_COLUMNS, { host_object_id: "hgm.host_object_id", name: "hgo.name1" })} FROM ${idoHostGroupMembers}`;
  const hostGroupsOrder = layout === "opsview" ? "hgh.host_object_id, hg.name" : "hgm.host_object_id, hgo.name1";
  const hostGroupsHostColumn = layout === "opsview" ? "hgh.host_object_id" : "hgm.host_object_id";

  // Host templates as (host_object_id, name, priority, is_json) rows; `name` may hold several (see template-source.ts).
  const templates = ((): { select: string; values: unknown[]; hostColumn: string; order: string } => {
    switch (templateSource.from) {
      case "opsview-config":
        return {
          select: `SELECT ${selectList(HOST_TEMPLATE_COLUMNS, { host_object_id: "oh.id", name: "ht.name", priority: "hht.priority", is_json: "0" })} FROM ${t.opsviewHosts} oh
    JOIN ${t.hostHostTemplates} hht ON hht.hostid = oh.opsview_host_id
    JOIN ${t.hostTemplates} ht ON ht.id = hht.hosttemplateid`,
          values: [],
          hostColumn: "oh.id",
          order: "oh.id, hht.priority, ht.name",
        };
      case "host-group":
        return {
          select: `SELECT ${selectList(HOST_TEMPLATE_COLUMNS, { host_object_id: "hgm.host_object_id", name: "hgo.name1", priority: "NULL", is_json: "0" })} FROM ${idoHostGroupMembers}`,
          values: [],
          hostColumn: "hgm.host_object_id",
          order: "hgm.host_object_id, hgo.name1",
        };
      case "custom-variable":
        return {
          select: `SELECT ${selectList(HOST_TEMPLATE_COLUMNS, { host_object_id: "cv.object_id", name: "cv.varvalue", priority: "NULL", is_json: "cv.is_json" })}
    FROM ${t.customVariables} cv WHERE cv.varname = ?`,
          values: [templateSource.name],
          hostColumn: "cv.object_id",
          order: "cv.object_id",
        };
    }
  })();
  const templatesWhere = (condition: string) => (templateSource.from === "custom-variable" ? `AND ${condition}` : `WHERE ${condition}`);

  // One row per (check, contributing template); a check no template contributes has one row with a NULL template.
  // In Opsview a template contributes the checks it lists; in the IDO every template of a host contributes all its checks.
  const checkTemplateJoin = ((): { join: string; values: unknown[]; templateName: string; templateIsJson: string } => {
    switch (templateSource.from) {
      case "opsview-config":
        return {
          join: `LEFT JOIN ${t.opsviewHostServices} ohs ON ohs.service_object_id = o.object_id
    LEFT JOIN ${t.opsviewHosts} oh ON oh.id = ohs.host_object_id
    LEFT JOIN (${t.hostHostTemplates} hht
        JOIN ${t.hostTemplateServiceChecks} htsc ON htsc.hosttemplateid = hht.hosttemplateid
        JOIN ${t.hostTemplates} ht ON ht.id = hht.hosttemplateid)
      ON hht.hostid = oh.opsview_host_id AND htsc.servicecheckid = ohs.servicecheck_id`,
          values: [],
          templateName: "ht.name",
          templateIsJson: "0",
        };
      case "host-group":
        return {
          join: `LEFT JOIN ${t.services} s ON s.service_object_id = o.object_id
    LEFT JOIN (${idoHostGroupMembers}) ON hgm.host_object_id = s.host_object_id`,
          values: [],
          templateName: "hgo.name1",
          templateIsJson: "0",
        };
      case "custom-variable":
        return {
          join: `LEFT JOIN ${t.services} s ON s.service_object_id = o.object_id
    LEFT JOIN ${t.customVariables} cv ON cv.object_id = s.host_object_id AND cv.varname = ?`,
          values: [templateSource.name],
          templateName: "cv.varvalue",
          templateIsJson: "cv.is_json",
        };
    }
  })();
  // Service groups: Opsview's service check definition names exactly one (servicechecks.servicegroup);
  // the IDO lists any number per service, one row each (multiplying the template rows; both are few).
  const checkServiceGroupJoin =
    layout === "opsview"
      ? {
          join: `LEFT JOIN ${t.serviceChecks} sc ON sc.id = ohs.servicecheck_id
    LEFT JOIN ${t.opsviewServiceGroups} sg ON sg.id = sc.servicegroup`,
          serviceGroup: "sg.name",
        }
      : {
          join: `LEFT JOIN (${t.serviceGroupMembers} sgm
        JOIN ${t.serviceGroups} sg ON sg.servicegroup_id = sgm.servicegroup_id
        JOIN ${t.objects} sgo ON sgo.object_id = sg.servicegroup_object_id AND sgo.is_active = 1)
      ON sgm.service_object_id = o.object_id`,
          serviceGroup: "sgo.name1",
        };
  const serviceCheckColumns = selectList(SERVICE_CHECK_COLUMNS, {
    object_id: "o.object_id",
    host_name: "o.name1",
    service_name: "o.name2",
    current_state: "ss.current_state",
    state_type: "ss.state_type",
    acknowledged: "ss.problem_has_been_acknowledged",
    downtime_depth: "ss.scheduled_downtime_depth",
    output: "ss.output",
    last_state_change: "UNIX_TIMESTAMP(ss.last_state_change)",
    status_update_time: "UNIX_TIMESTAMP(ss.status_update_time)",
    template_name: checkTemplateJoin.templateName,
    template_is_json: checkTemplateJoin.templateIsJson,
    service_group: checkServiceGroupJoin.serviceGroup,
  });
  const serviceCheckSelect = `SELECT ${serviceCheckColumns}
    FROM ${t.objects} o
    JOIN ${t.serviceStatus} ss ON ss.service_object_id = o.object_id
    ${checkTemplateJoin.join}
    ${checkServiceGroupJoin.join}
    WHERE o.objecttype_id = ${NDO_OBJECT_TYPE.service} AND o.is_active = 1`;
  // By object only: a check's rows are merged and its templates and groups sorted while mapping, and
  // a second sort key makes MariaDB sort in a temporary table (about twice the query's time).
  const serviceCheckOrder = "ORDER BY o.object_id";

  const serviceChecksInRange = (from: number | null, to: number | null): SqlStatement => ({
    sql: `${serviceCheckSelect}${from === null ? "" : " AND o.object_id >= ?"}${to === null ? "" : " AND o.object_id < ?"} ${serviceCheckOrder}`,
    values: [...checkTemplateJoin.values, ...(from === null ? [] : [from]), ...(to === null ? [] : [to])],
  });

  const keywordColumns = selectList(HOST_KEYWORD_COLUMNS, { host_object_id: "v.host_object_id", keyword: "v.keyword" });
  const noKeywords = `SELECT ${selectList(HOST_KEYWORD_COLUMNS, { host_object_id: "NULL", keyword: "NULL" })} FROM DUAL WHERE 1 = 0`;

  return {
    startReadOnlySnapshot: "START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT",
    endReadOnlySnapshot: "COMMIT",

    /** Active hosts with alias and address. */
    hosts: (): SqlStatement => ({
      sql: `SELECT ${hostColumns} ${hostFrom} WHERE ${activeHosts} ORDER BY o.object_id`,
      values: [],
    }),
    hostsByObjectId: (objectIds: number[]): SqlStatement => ({
      sql: `SELECT ${hostColumns} ${hostFrom} WHERE ${activeHosts} AND o.object_id IN (?) ORDER BY o.object_id`,
      values: [objectIds],
    }),
    hostsByName: (names: string[]): SqlStatement => ({
      sql: `SELECT ${hostColumns} ${hostFrom} WHERE ${activeHosts} AND o.name1 IN (?) ORDER BY o.object_id`,
      values: [names],
    }),

    hostGroups: (): SqlStatement => ({
      sql: `${hostGroupsSelect} ORDER BY ${hostGroupsOrder}`,
      values: [],
    }),
    hostGroupsByHost: (hostObjectIds: number[]): SqlStatement => ({
      sql: `${hostGroupsSelect}
        WHERE ${hostGroupsHostColumn} IN (?) ORDER BY ${hostGroupsOrder}`,
      values: [hostObjectIds],
    }),

    hostTemplates: (): SqlStatement => ({
      sql: `${templates.select} ORDER BY ${templates.order}`,
      values: [...templates.values],
    }),
    hostTemplatesByHost: (hostObjectIds: number[]): SqlStatement => ({
      sql: `${templates.select}
        ${templatesWhere(`${templates.hostColumn} IN (?)`)} ORDER BY ${templates.order}`,
      values: [...templates.values, hostObjectIds],
    }),

    /** Opsview's viewport keywords; the IDO has none. */
    hostKeywords: (): SqlStatement => ({
      sql:
        layout === "opsview"
          ? `SELECT DISTINCT ${keywordColumns} FROM ${t.opsviewViewports} v
        ORDER BY v.host_object_id, v.keyword`
          : noKeywords,
      values: [],
    }),
    hostKeywordsByHost: (hostObjectIds: number[]): SqlStatement =>
      layout === "opsview"
        ? {
            sql: `SELECT DISTINCT ${keywordColumns} FROM ${t.opsviewViewports} v
        WHERE v.host_object_id IN (?) ORDER BY v.host_object_id, v.keyword`,
            values: [hostObjectIds],
          }
        : { sql: noKeywords, values: [] },

    /** Every active service check with its status, contributing templates and service groups. */
    serviceChecks: (): SqlStatement => serviceChecksInRange(null, null),
    /** serviceChecks whose object id is at least `from` and below `to`; a null bound is open. */
    serviceChecksInRange,
    /** The lowest and highest object id of an active service check (null, null without any). */
    serviceCheckIdBounds: (): SqlStatement => ({
      sql: `SELECT MIN(o.object_id), MAX(o.object_id) FROM ${t.objects} o WHERE o.objecttype_id = ${NDO_OBJECT_TYPE.service} AND o.is_active = 1`,
      values: [],
    }),
    /** Checks whose status row was written at or after the given time (epoch seconds). */
    serviceChecksUpdatedSince: (epochSeconds: number): SqlStatement => ({
      sql: `${serviceCheckSelect} AND ss.status_update_time >= FROM_UNIXTIME(?) ${serviceCheckOrder}`,
      values: [...checkTemplateJoin.values, epochSeconds],
    }),

    /** For "Test connection": the server version. */
    serverVersion: (): SqlStatement => ({ sql: "SELECT VERSION() AS version", values: [] }),
    activeServiceCheckCount: (): SqlStatement => ({
      sql: `SELECT COUNT(*) AS count FROM ${t.objects} o WHERE o.objecttype_id = ${NDO_OBJECT_TYPE.service} AND o.is_active = 1`,
      values: [],
    }),
    /** Reads nothing, but fails when the table is missing or the user may not read it. */
    probeTable: (table: string): SqlStatement => ({ sql: `SELECT 1 FROM ${table} LIMIT 0`, values: [] }),

    /** The tables this source reads, by database, for "Test connection". */
    requiredTables:
      layout === "opsview"
        ? {
            runtime: [t.objects, t.serviceStatus, t.opsviewHosts, t.opsviewHostServices, t.opsviewHostGroups, t.opsviewHostGroupHosts, t.opsviewViewports],
            config: [t.hostTemplates, t.hostHostTemplates, t.hostTemplateServiceChecks, t.serviceChecks, t.opsviewServiceGroups],
          }
        : {
            runtime: [t.objects, t.serviceStatus, t.hosts, t.services, t.hostGroups, t.hostGroupMembers, t.serviceGroups, t.serviceGroupMembers, t.customVariables],
            config: [],
          },
  };
}

export type OpsviewQueries = ReturnType<typeof buildOpsviewQueries>;
