import { describe, expect, it } from "vitest";
import { eventsPerHourOf, parseSimulatedSourceSettings } from "./settings";

describe("simulated source settings", () => {
  it("defaults to seed 42, 240 hosts, 10 business services and a rate that follows the size", () => {
    const result = parseSimulatedSourceSettings({});
    expect(result).toEqual({ ok: true, settings: { seed: 42, hosts: 240, businessServices: 10 } });
    expect(result.ok && eventsPerHourOf(result.settings)).toBe(12);
    expect(parseSimulatedSourceSettings(undefined)).toEqual(result);
  });

  it("accepts numbers written as strings, as the environment gives them", () => {
    expect(parseSimulatedSourceSettings({ seed: "7", hosts: "500", businessServices: "15", eventsPerHour: "2.5" })).toEqual({
      ok: true,
      settings: { seed: 7, hosts: 500, businessServices: 15, eventsPerHour: 2.5 },
    });
  });

  it.each([
    [{ seed: 1.5 }, "seed must be a whole number"],
    [{ hosts: "many" }, "hosts must be a number"],
    [{ hosts: 19 }, "hosts must be between 20 and 5000"],
    [{ hosts: 5001 }, "hosts must be between 20 and 5000"],
    [{ businessServices: 4 }, "businessServices must be between 5 and 15"],
    [{ eventsPerHour: 10001 }, "eventsPerHour must be between 0 and 10000"],
    ["42", "settings must be an object"],
  ])("rejects %j with one line: %s", (input, message) => {
    expect(parseSimulatedSourceSettings(input)).toEqual({ ok: false, message: `Invalid simulated source settings: ${message}` });
  });
});
