import { describe, expect, it } from "vitest";
import { parseIcingaIdoSettings, toNdoDatabaseSettings } from "./settings";

const main = { host: "ido.example", user: "reader", password: "s3cret-value" };

describe("Icinga IDO settings", () => {
  it("fills in port 3306, database icinga, the icinga_ prefix and every host group as a template", () => {
    const result = parseIcingaIdoSettings({ main });
    expect(result).toEqual({
      ok: true,
      settings: {
        main: { ...main, port: 3306, database: "icinga" },
        backup: null,
        tablePrefix: "icinga_",
        hostTemplateSource: "host-group",
        hostGroupPattern: "^(.+)$",
        customVariable: "bsm_host_templates",
      },
    });
    expect(result.ok && toNdoDatabaseSettings(result.settings)).toEqual({
      main: { ...main, port: 3306, runtimeDatabase: "icinga", configDatabase: "icinga" },
      backup: null,
      tablePrefix: "icinga_",
      hostTemplates: { from: "host-group", pattern: "^(.+)$" },
    });
  });

  it("reads templates from the chosen custom variable", () => {
    const result = parseIcingaIdoSettings({ main, hostTemplateSource: "custom-variable", customVariable: "bsm_types", hostGroupPattern: "(" });
    expect(result.ok && toNdoDatabaseSettings(result.settings).hostTemplates).toEqual({ from: "custom-variable", name: "bsm_types" });
  });

  it.each([
    [{ main, hostGroupPattern: "(" }, "hostGroupPattern is not a valid regular expression"],
    [{ main, hostTemplateSource: "custom-variable", customVariable: "a b" }, "customVariable must be a custom variable name"],
    [{ main, hostTemplateSource: "templates" }, 'hostTemplateSource must be "host-group" or "custom-variable"'],
    [{ main: { ...main, database: "icinga; DROP" } }, "main.database must be a database name"],
    [{ main: { ...main, port: 0 } }, "main.port must be between 1 and 65535"],
    [{ main, tablePrefix: "x`" }, "tablePrefix must be letters, digits and underscores only"],
  ])("rejects %j with a one-line message", (input, expected) => {
    const result = parseIcingaIdoSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(expected);
    expect(result.message).not.toContain("\n");
    expect(result.message).not.toContain(main.password);
  });
});
