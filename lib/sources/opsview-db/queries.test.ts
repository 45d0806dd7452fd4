import { describe, expect, it } from "vitest";
import {
  buildOpsviewQueries,
  HOST_COLUMNS,
  HOST_GROUP_COLUMNS,
  HOST_KEYWORD_COLUMNS,
  HOST_TEMPLATE_COLUMNS,
  opsviewTables,
  SERVICE_CHECK_COLUMNS,
} from "./queries";

/** The column names of a statement's (first) select list, in order. */
function selectedColumns(sql: string): string[] {
  const list = sql.slice(sql.indexOf("SELECT") + "SELECT".length, sql.indexOf("FROM"));
  return [...list.matchAll(/\bAS (\w+)/g)].map((match) => match[1]);
}

const names = { runtimeDatabase: "runtime", configDatabase: "opsview", tablePrefix: "nagios_" };

describe("Opsview queries", () => {
  it("qualifies NDO tables with the prefix and Opsview tables without it", () => {
    const tables = opsviewTables({ ...names, tablePrefix: "icinga_" });
    expect(tables.objects).toBe("`runtime`.`icinga_objects`");
    expect(tables.serviceStatus).toBe("`runtime`.`icinga_servicestatus`");
    expect(tables.opsviewHosts).toBe("`runtime`.`opsview_hosts`");
    expect(tables.hostHostTemplates).toBe("`opsview`.`hosthosttemplates`");
  });

  it.each([
    { ...names, tablePrefix: "x`; DROP DATABASE runtime; --" },
    { ...names, runtimeDatabase: "runtime`.x" },
    { ...names, configDatabase: "" },
  ])("refuses unsafe identifiers %j", (unsafe) => {
    expect(() => buildOpsviewQueries(unsafe)).toThrow(/Not a safe/);
  });

  it("only reads, and passes values as placeholders", () => {
    const queries = buildOpsviewQueries(names);
    const statements = [
      queries.hosts(),
      queries.hostsByObjectId([1, 2]),
      queries.hostsByName(["a'b"]),
      queries.hostGroups(),
      queries.hostGroupsByHost([1]),
      queries.hostTemplates(),
      queries.hostTemplatesByHost([1]),
      queries.hostKeywords(),
      queries.hostKeywordsByHost([1]),
      queries.serviceChecks(),
      queries.serviceChecksUpdatedSince(1_700_000_000),
      queries.activeServiceCheckCount(),
      queries.serverVersion(),
    ];
    for (const statement of statements) {
      expect(statement.sql.trimStart()).toMatch(/^SELECT\b/);
      expect(statement.sql).not.toMatch(/\b(INSERT|UPDATE|DELETE|REPLACE|DROP|ALTER|CREATE|CALL)\b/i);
      expect(statement.sql).not.toContain("a'b");
      expect(statement.sql.split("?").length - 1).toBe(statement.values.length);
    }
    expect(queries.serviceChecksUpdatedSince(1_700_000_000).values).toEqual([1_700_000_000]);
    expect(queries.startReadOnlySnapshot).toMatch(/READ ONLY/);
  });

  it.each([
    { from: "host-group" as const, pattern: "^tmpl-(.+)$" },
    { from: "custom-variable" as const, name: "bsm_templates" },
  ])("reads Icinga's IDO tables when host templates come from $from", (hostTemplates) => {
    const queries = buildOpsviewQueries({ runtimeDatabase: "icinga", configDatabase: "icinga", tablePrefix: "icinga_", hostTemplates });
    const statements = [
      queries.hosts(),
      queries.hostsByName(["a'b"]),
      queries.hostGroups(),
      queries.hostGroupsByHost([1]),
      queries.hostTemplates(),
      queries.hostTemplatesByHost([1]),
      queries.hostKeywords(),
      queries.hostKeywordsByHost([1]),
      queries.serviceChecks(),
      queries.serviceChecksUpdatedSince(1_700_000_000),
    ];
    for (const statement of statements) {
      expect(statement.sql.trimStart()).toMatch(/^SELECT\b/);
      expect(statement.sql).not.toMatch(/opsview_|hosttemplate|\b(INSERT|UPDATE|DELETE|DROP)\b/i);
      expect(statement.sql.split("?").length - 1).toBe(statement.values.length);
    }
    expect(queries.hosts().sql).toContain("`icinga`.`icinga_hosts`");
    expect(queries.hostGroups().sql).toContain("hgo.is_active = 1");
    expect(queries.serviceChecks().sql).toContain("o.is_active = 1");
    expect(queries.requiredTables.config).toEqual([]);
    if (hostTemplates.from === "custom-variable") {
      expect(queries.hostTemplates().values).toEqual(["bsm_templates"]);
      expect(queries.serviceChecksUpdatedSince(5).values).toEqual(["bsm_templates", 5]);
    }
  });

  it.each([
    { from: "opsview-config" as const },
    { from: "host-group" as const, pattern: "^tmpl-(.+)$" },
    { from: "custom-variable" as const, name: "bsm_templates" },
  ])("selects columns in the order the row mapper reads them by position ($from)", (hostTemplates) => {
    const queries = buildOpsviewQueries({ ...names, hostTemplates });
    const expected: [string, readonly string[]][] = [
      [queries.hosts().sql, HOST_COLUMNS],
      [queries.hostsByName(["a"]).sql, HOST_COLUMNS],
      [queries.hostGroups().sql, HOST_GROUP_COLUMNS],
      [queries.hostGroupsByHost([1]).sql, HOST_GROUP_COLUMNS],
      [queries.hostTemplates().sql, HOST_TEMPLATE_COLUMNS],
      [queries.hostTemplatesByHost([1]).sql, HOST_TEMPLATE_COLUMNS],
      [queries.hostKeywords().sql, HOST_KEYWORD_COLUMNS],
      [queries.hostKeywordsByHost([1]).sql, HOST_KEYWORD_COLUMNS],
      [queries.serviceChecks().sql, SERVICE_CHECK_COLUMNS],
      [queries.serviceChecksUpdatedSince(5).sql, SERVICE_CHECK_COLUMNS],
    ];
    for (const [sql, columns] of expected) expect(selectedColumns(sql)).toEqual(columns);
  });

  it("reads only active objects", () => {
    const queries = buildOpsviewQueries(names);
    expect(queries.hosts().sql).toContain("o.is_active = 1");
    expect(queries.serviceChecks().sql).toContain("o.is_active = 1");
  });
});
