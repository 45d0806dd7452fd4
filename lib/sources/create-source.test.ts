import { describe, expect, it } from "vitest";
import { SourceSettingsError, createMonitoringSource } from "./create-source";

describe("createMonitoringSource", () => {
  it("builds each kind from its settings", async () => {
    const simulated = createMonitoringSource("simulated", JSON.stringify({ hosts: 40, businessServices: 5 }), { now: () => 0 });
    expect(simulated.kind).toBe("simulated");
    expect((await simulated.readFull()).hosts).toHaveLength(40);
    const database = createMonitoringSource("opsview-db", JSON.stringify({ main: { host: "127.0.0.1", user: "bsm", password: "x" } }));
    expect(database.describe()).toBe("main database 127.0.0.1:3306");
    const rest = createMonitoringSource("opsview-rest", JSON.stringify({ baseUrl: "https://opsview.example", username: "bsm", password: "x" }));
    expect(rest.describe()).toBe("Opsview REST at https://opsview.example");
    const icingaApi = createMonitoringSource("icinga-api", JSON.stringify({ baseUrl: "https://icinga.example:5665", username: "bsm", password: "x" }));
    expect([icingaApi.kind, icingaApi.describe()]).toEqual(["icinga-api", "Icinga 2 API at https://icinga.example:5665"]);
    const ido = createMonitoringSource("icinga-ido", JSON.stringify({ main: { host: "127.0.0.1", user: "bsm", password: "x" } }));
    expect([ido.kind, ido.describe()]).toEqual(["icinga-ido", "main database 127.0.0.1:3306"]);
    await Promise.all([simulated.close(), database.close(), rest.close(), icingaApi.close(), ido.close()]);
  });

  it.each([
    ["simulated", "{not json", "BSM_SOURCE_SETTINGS: not valid JSON"],
    ["simulated", JSON.stringify({ hosts: 3 }), /^BSM_SOURCE_SETTINGS: .*hosts/],
    ["opsview-db", JSON.stringify({ main: { host: "", user: "bsm", password: "x" } }), /^BSM_SOURCE_SETTINGS: .*host/],
    ["opsview-rest", JSON.stringify({ baseUrl: "ftp://x", username: "u", password: "secret-pw" }), /^BSM_SOURCE_SETTINGS: .*baseUrl/],
    ["icinga-api", JSON.stringify({ baseUrl: "http://icinga.example:5665", username: "u", password: "secret-pw" }), /^BSM_SOURCE_SETTINGS: .*baseUrl must be an https/],
    ["icinga-ido", JSON.stringify({ main: { host: "db", user: "u", password: "secret-pw" }, hostGroupPattern: "(" }), /^BSM_SOURCE_SETTINGS: .*hostGroupPattern/],
  ] as const)("refuses bad %s settings in one line", (kind, settings, message) => {
    let error: unknown;
    try {
      createMonitoringSource(kind, settings);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SourceSettingsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect((error as Error).message).not.toContain("secret-pw");
  });
});
