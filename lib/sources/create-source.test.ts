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
    await Promise.all([simulated.close(), database.close(), rest.close()]);
  });

  it.each([
    ["simulated", "{not json", "BSM_SOURCE_SETTINGS: not valid JSON"],
    ["simulated", JSON.stringify({ hosts: 3 }), /^BSM_SOURCE_SETTINGS: .*hosts/],
    ["opsview-db", JSON.stringify({ main: { host: "", user: "bsm", password: "x" } }), /^BSM_SOURCE_SETTINGS: .*host/],
    ["opsview-rest", JSON.stringify({ baseUrl: "ftp://x", username: "u", password: "secret-pw" }), /^BSM_SOURCE_SETTINGS: .*baseUrl/],
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
