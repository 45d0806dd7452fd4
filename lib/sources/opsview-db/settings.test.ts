import { describe, expect, it } from "vitest";
import { connectionAddress, parseOpsviewConnectionSettings, parseOpsviewDatabaseSettings } from "./settings";

const main = { host: "db1.example", user: "reader", password: "s3cret-value" };

describe("Opsview database settings", () => {
  it("fills in port 3306, the runtime and opsview databases, no backup and the nagios_ prefix", () => {
    expect(parseOpsviewDatabaseSettings({ main })).toEqual({
      ok: true,
      settings: {
        main: { ...main, port: 3306, runtimeDatabase: "runtime", configDatabase: "opsview" },
        backup: null,
        tablePrefix: "nagios_",
        hostTemplates: { from: "opsview-config" },
      },
    });
  });

  it("takes host templates from a host group pattern or a custom variable for Icinga's IDO", () => {
    const byGroup = parseOpsviewDatabaseSettings({ main, tablePrefix: "icinga_", hostTemplates: { from: "host-group", pattern: "^tmpl-(.+)$" } });
    expect(byGroup.ok && byGroup.settings.hostTemplates).toEqual({ from: "host-group", pattern: "^tmpl-(.+)$" });
    const byVariable = parseOpsviewDatabaseSettings({ main, hostTemplates: { from: "custom-variable", name: " bsm_templates " } });
    expect(byVariable.ok && byVariable.settings.hostTemplates).toEqual({ from: "custom-variable", name: "bsm_templates" });
  });

  it("keeps a backup connection and accepts a port typed into a form", () => {
    const result = parseOpsviewDatabaseSettings({ main, backup: { host: "db2", port: "3307", user: "r", password: "" }, tablePrefix: "icinga_" });
    expect(result.ok && result.settings.backup).toEqual({
      host: "db2", port: 3307, user: "r", password: "", runtimeDatabase: "runtime", configDatabase: "opsview",
    });
    expect(result.ok && result.settings.tablePrefix).toBe("icinga_");
  });

  it.each([
    [{ main: { ...main, port: 0 } }, "main.port must be between 1 and 65535"],
    [{ main: { ...main, port: 70000 } }, "main.port must be between 1 and 65535"],
    [{ main: { ...main, port: 33.5 } }, "main.port must be a whole number"],
    [{ main: { ...main, host: " " } }, "main.host is required"],
    [{ main: { ...main, host: "db1 example" } }, "main.host must be a host name or IP address"],
    [{ main: { ...main, user: "" } }, "main.user is required"],
    [{ main: { ...main, runtimeDatabase: "runtime; DROP TABLE x" } }, "main.runtimeDatabase must be a database name"],
    [{ main: { ...main, configDatabase: "op`sview" } }, "main.configDatabase must be a database name"],
    [{ main, tablePrefix: "nagios_`; --" } , "tablePrefix must be letters, digits and underscores only"],
    [{ main, backup: { host: "db2" } }, "backup.user is required"],
    [{ main, hostTemplates: { from: "host-group", pattern: "(" } }, "hostTemplates.pattern is not a valid regular expression"],
    [{ main, hostTemplates: { from: "custom-variable", name: "a b" } }, "hostTemplates.name must be a custom variable name"],
    [{ main, hostTemplates: { from: "everywhere" } }, "must say where host templates come from"],
    [{}, "main must be connection settings"],
    [null, "settings must be an object"],
  ])("rejects %j with a one-line message", (input, expected) => {
    const result = parseOpsviewDatabaseSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(expected);
    expect(result.message).not.toContain("\n");
    expect(result.message).not.toContain(main.password);
  });

  it("never repeats the password, even when it is what is wrong", () => {
    const result = parseOpsviewConnectionSettings({ ...main, password: 12345678 });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("password must be text") });
    expect(result.ok || result.message.includes("12345678")).toBe(false);
  });

  it("names a connection by host and port only", () => {
    expect(connectionAddress({ host: "db1", port: 3306 })).toBe("db1:3306");
    expect(connectionAddress({ host: "::1", port: 3307 })).toBe("[::1]:3307");
  });
});
