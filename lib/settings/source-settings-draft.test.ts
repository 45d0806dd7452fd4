import { describe, expect, it } from "vitest";
import { joinSecrets, parseSourceSettingsDraft, separateSecrets, settingsToDraft, type SourceSettingsDraft } from "./source-settings-draft";

const databaseDraft = (values: Record<string, string | boolean>, enabledGroups: string[] = []): SourceSettingsDraft => ({
  kind: "opsview-db",
  pollIntervalSeconds: "30",
  values: { "main.host": "db1.example.com", "main.user": "bsm", "main.password": "main-pw", ...values },
  enabledGroups,
});

describe("parseSourceSettingsDraft", () => {
  it("fills the Opsview database defaults for blank fields (port 3306, runtime and opsview databases, nagios_ prefix)", () => {
    const result = parseSourceSettingsDraft(databaseDraft({ "main.port": "", "main.runtimeDatabase": " " }), {});
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: "opsview-db",
        pollIntervalSeconds: 30,
        settings: {
          main: { host: "db1.example.com", port: 3306, user: "bsm", password: "main-pw", runtimeDatabase: "runtime", configDatabase: "opsview" },
          backup: null,
          tablePrefix: "nagios_",
        },
      },
    });
  });

  it("includes the backup database only when it is switched on", () => {
    const values = { "backup.host": "db2", "backup.port": "3307", "backup.user": "bsm2", "backup.password": "backup-pw" };
    const off = parseSourceSettingsDraft(databaseDraft(values), {});
    expect(off.ok && off.value.settings.backup).toBeNull();
    const on = parseSourceSettingsDraft(databaseDraft(values, ["backup"]), {});
    expect(on.ok && on.value.settings.backup).toMatchObject({ host: "db2", port: 3307, user: "bsm2", password: "backup-pw" });
  });

  it("names every bad field by its path, with the source schema's message", () => {
    const result = parseSourceSettingsDraft(
      { ...databaseDraft({ "main.host": "", "main.port": "70000", "backup.host": "db 2", "backup.user": "x" }, ["backup"]), pollIntervalSeconds: "0" },
      {},
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        pollIntervalSeconds: "must be between 1 and 3600 seconds",
        "main.host": "is required",
        "main.port": "must be between 1 and 65535",
        "backup.host": "must be a host name or IP address",
      },
    });
  });

  it.each([
    ["", "is required"],
    ["2.5", "must be a whole number of seconds"],
    ["soon", "must be a number of seconds"],
    ["3601", "must be between 1 and 3600 seconds"],
  ])("refuses a poll interval of %j: %s", (pollIntervalSeconds, message) => {
    expect(parseSourceSettingsDraft({ kind: "simulated", pollIntervalSeconds, values: {}, enabledGroups: [] }, {})).toEqual({
      ok: false,
      fieldErrors: { pollIntervalSeconds: message },
    });
  });

  it("keeps the secret in use when a password field is left blank, and replaces it when one is typed", () => {
    const kept = parseSourceSettingsDraft(databaseDraft({ "main.password": "" }), { "main.password": "saved-pw" });
    expect(kept.ok && kept.value.settings).toMatchObject({ main: { password: "saved-pw" } });
    const replaced = parseSourceSettingsDraft(databaseDraft({ "main.password": "typed-pw" }), { "main.password": "saved-pw" });
    expect(replaced.ok && replaced.value.settings).toMatchObject({ main: { password: "typed-pw" } });
  });

  it("validates the Opsview REST and simulated kinds with their own schemas", () => {
    const rest = parseSourceSettingsDraft(
      { kind: "opsview-rest", pollIntervalSeconds: "10", values: { baseUrl: "ftp://opsview", username: "", password: "", acceptSelfSigned: true }, enabledGroups: [] },
      {},
    );
    expect(rest).toEqual({
      ok: false,
      fieldErrors: { baseUrl: "must be an http:// or https:// URL", username: "is required", password: "is required" },
    });
    const simulated = parseSourceSettingsDraft({ kind: "simulated", pollIntervalSeconds: "1", values: { seed: "11", hosts: "", eventsPerHour: "3000" }, enabledGroups: [] }, {});
    expect(simulated).toEqual({
      ok: true,
      value: { kind: "simulated", pollIntervalSeconds: 1, settings: { seed: 11, hosts: 240, businessServices: 10, eventsPerHour: 3000 } },
    });
  });

  it("validates the Icinga 2 API kind: https only, blank CA file and certificate name mean none", () => {
    const values = { baseUrl: "https://icinga.example:5665", username: "bsm", password: "pw", caFile: "", tlsServerName: " ", acceptSelfSigned: false };
    expect(parseSourceSettingsDraft({ kind: "icinga-api", pollIntervalSeconds: "10", values, enabledGroups: [] }, {})).toMatchObject({
      ok: true,
      value: { settings: { baseUrl: "https://icinga.example:5665", caFile: null, tlsServerName: null, acceptSelfSigned: false } },
    });
    const http = parseSourceSettingsDraft({ kind: "icinga-api", pollIntervalSeconds: "10", values: { ...values, baseUrl: "http://icinga" }, enabledGroups: [] }, {});
    expect(http).toMatchObject({ ok: false, fieldErrors: { baseUrl: expect.stringContaining("https://") } });
  });

  it("validates the Icinga IDO kind: icinga defaults, and only the chosen host template source's field", () => {
    const draft = (values: Record<string, string>) => ({
      kind: "icinga-ido",
      pollIntervalSeconds: "10",
      values: { "main.host": "ido.example", "main.user": "icinga", "main.password": "pw", hostTemplateSource: "host-group", ...values },
      enabledGroups: [],
    });
    expect(parseSourceSettingsDraft(draft({}), {})).toMatchObject({
      ok: true,
      value: { settings: { main: { database: "icinga", port: 3306 }, tablePrefix: "icinga_", hostTemplateSource: "host-group", hostGroupPattern: "^(.+)$" } },
    });
    expect(parseSourceSettingsDraft(draft({ hostGroupPattern: "(unclosed", customVariable: "bad name!" }), {})).toEqual({
      ok: false,
      fieldErrors: { hostGroupPattern: "is not a valid regular expression" },
    });
    expect(parseSourceSettingsDraft(draft({ hostTemplateSource: "custom-variable", hostGroupPattern: "(unclosed", customVariable: "bad name!" }), {})).toEqual({
      ok: false,
      fieldErrors: { customVariable: "must be a custom variable name (letters, digits, _ . -)" },
    });
  });

  it("starts a select on its first choice when nothing is saved", () => {
    expect(settingsToDraft("icinga-ido", {}, 10).values.hostTemplateSource).toBe("host-group");
  });

  it("refuses an unknown kind and a malformed request without throwing", () => {
    expect(parseSourceSettingsDraft({ kind: "nagios", pollIntervalSeconds: "10", values: {}, enabledGroups: [] }, {})).toEqual({
      ok: false,
      fieldErrors: { kind: "must be one of the listed source kinds" },
    });
    expect(parseSourceSettingsDraft("kind=simulated", {})).toMatchObject({ ok: false, fieldErrors: { form: expect.stringContaining("reload") } });
    expect(parseSourceSettingsDraft({ kind: "simulated", values: [] }, {})).toMatchObject({ ok: false });
  });
});

describe("secrets", () => {
  const settings = {
    main: { host: "db1", port: 3306, user: "bsm", password: "main-pw" },
    backup: { host: "db2", port: 3306, user: "bsm", password: "" },
    tablePrefix: "nagios_",
  };

  it("are separated from what is stored in clear (empty ones are not secrets) and joined back", () => {
    const { publicSettings, secrets } = separateSecrets("opsview-db", settings);
    expect(secrets).toEqual({ "main.password": "main-pw" });
    expect(JSON.stringify(publicSettings)).not.toContain("password");
    expect(settings.main.password).toBe("main-pw");
    expect(joinSecrets(publicSettings, secrets)).toEqual({ ...settings, backup: { host: "db2", port: 3306, user: "bsm" } });
  });

  it("are not written into a switched-off group", () => {
    expect(joinSecrets({ main: { host: "db1" }, backup: null }, { "backup.password": "old" })).toEqual({ main: { host: "db1" }, backup: null });
  });

  it("never reach the form, which gets every other value as text", () => {
    expect(settingsToDraft("opsview-db", settings, 15)).toEqual({
      kind: "opsview-db",
      pollIntervalSeconds: "15",
      enabledGroups: ["backup"],
      values: {
        "main.host": "db1",
        "main.port": "3306",
        "main.runtimeDatabase": "",
        "main.configDatabase": "",
        "main.user": "bsm",
        "main.password": "",
        "backup.host": "db2",
        "backup.port": "3306",
        "backup.runtimeDatabase": "",
        "backup.configDatabase": "",
        "backup.user": "bsm",
        "backup.password": "",
        tablePrefix: "nagios_",
      },
    });
  });
});
