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

  const hostColumns =
    layout === "opsview"
      ? `o.object_id AS object_id, o.name1 AS host_name, oh.alias AS alias, oh.ip AS address`
      : `o.object_id AS object_id, o.name1 AS host_name, h.alias AS alias, h.address AS address`;
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
      ? `SELECT hgh.host_object_id AS host_object_id, hg.name AS name FROM ${t.opsviewHostGroupHosts} hgh
    JOIN ${t.opsviewHostGroups} hg ON hg.id = hgh.hostgroup_id`
      : `SELECT hgm.host_object_id AS host_object_id, hgo.name1 AS name FROM ${idoHostGroupMembers}`;
  const hostGroupsOrder = layout === "opsview" ? "hgh.host_object_id, hg.name" : "hgm.host_object_id, hgo.name1";
  const hostGroupsHostColumn = layout === "opsview" ? "hgh.host_object_id" : "hgm.host_object_id";

  // Host templates as (host_object_id, name, priority, is_json) rows; `name` may hold several (see template-source.ts).
  const templates = ((): { select: string; values: unknown[]; hostColumn: string; order: string } => {
    switch (templateSource.from) {
      case "opsview-config":
        return {
          select: `SELECT oh.id AS host_object_id, ht.name AS name, hht.priority AS priority, 0 AS is_json FROM ${t.opsviewHosts} oh
    JOIN ${t.hostHostTemplates} hht ON hht.hostid = oh.opsview_host_id
    JOIN ${t.hostTemplates} ht ON ht.id = hht.hosttemplateid`,
          values: [],
          hostColumn: "oh.id",
          order: "oh.id, hht.priority, ht.name",
        };
      case "host-group":
        return {
          select: `SELECT hgm.host_object_id AS host_object_id, hgo.name1 AS name, NULL AS priority, 0 AS is_json FROM ${idoHostGroupMembers}`,
          values: [],
          hostColumn: "hgm.host_object_id",
          order: "hgm.host_object_id, hgo.name1",
        };
      case "custom-variable":
        return {
          select: `SELECT cv.object_id AS host_object_id, cv.varvalue AS name, NULL AS priority, cv.is_json AS is_json
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
  const checkTemplateJoin = ((): { join: string; values: unknown[]; columns: string; order: string } => {
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
          columns: "ht.name AS template_name, 0 AS template_is_json",
          order: "ht.name",
        };
      case "host-group":
        return {
          join: `LEFT JOIN ${t.services} s ON s.service_object_id = o.object_id
    LEFT JOIN (${idoHostGroupMembers}) ON hgm.host_object_id = s.host_object_id`,
          values: [],
          columns: "hgo.name1 AS template_name, 0 AS template_is_json",
          order: "hgo.name1",
        };
      case "custom-variable":
        return {
          join: `LEFT JOIN ${t.services} s ON s.service_object_id = o.object_id
    LEFT JOIN ${t.customVariables} cv ON cv.object_id = s.host_object_id AND cv.varname = ?`,
          values: [templateSource.name],
          columns: "cv.varvalue AS template_name, cv.is_json AS template_is_json",
          order: "cv.varvalue",
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
          column: "sg.name AS service_group",
        }
      : {
          join: `LEFT JOIN (${t.serviceGroupMembers} sgm
        JOIN ${t.serviceGroups} sg ON sg.servicegroup_id = sgm.servicegroup_id
        JOIN ${t.objects} sgo ON sgo.object_id = sg.servicegroup_object_id AND sgo.is_active = 1)
      ON sgm.service_object_id = o.object_id`,
          column: "sgo.name1 AS service_group",
        };
  const serviceCheckSelect = `SELECT o.object_id AS object_id, o.name1 AS host_name, o.name2 AS service_name,
      ss.current_state AS current_state, ss.state_type AS state_type,
      ss.problem_has_been_acknowledged AS acknowledged, ss.scheduled_downtime_depth AS downtime_depth,
      ss.output AS output, UNIX_TIMESTAMP(ss.last_state_change) AS last_state_change,
      UNIX_TIMESTAMP(ss.status_update_time) AS status_update_time, ${checkTemplateJoin.columns}, ${checkServiceGroupJoin.column}
    FROM ${t.objects} o
    JOIN ${t.serviceStatus} ss ON ss.service_object_id = o.object_id
    ${checkTemplateJoin.join}
    ${checkServiceGroupJoin.join}
    WHERE o.objecttype_id = ${NDO_OBJECT_TYPE.service} AND o.is_active = 1`;
  const serviceCheckOrder = `ORDER BY o.object_id, ${checkTemplateJoin.order}`;

  const noKeywords = `SELECT NULL AS host_object_id, NULL AS keyword FROM DUAL WHERE 1 = 0`;

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
          ? `SELECT DISTINCT v.host_object_id AS host_object_id, v.keyword AS keyword FROM ${t.opsviewViewports} v
        ORDER BY v.host_object_id, v.keyword`
          : noKeywords,
      values: [],
    }),
    hostKeywordsByHost: (hostObjectIds: number[]): SqlStatement =>
      layout === "opsview"
        ? {
            sql: `SELECT DISTINCT v.host_object_id AS host_object_id, v.keyword AS keyword FROM ${t.opsviewViewports} v
        WHERE v.host_object_id IN (?) ORDER BY v.host_object_id, v.keyword`,
            values: [hostObjectIds],
          }
        : { sql: noKeywords, values: [] },

    /** Every active service check with its status, contributing templates and service groups. */
    serviceChecks: (): SqlStatement => ({
      sql: `${serviceCheckSelect} ${serviceCheckOrder}`,
      values: [...checkTemplateJoin.values],
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
