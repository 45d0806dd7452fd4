import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSettings, settingsOrThrow } from "./parse-settings";

const schema = z.object({ main: z.object({ host: z.string().min(1, "is required") }), port: z.number({ error: "must be a number" }).default(3306) });

describe("parseSettings", () => {
  it("returns the schema's output for valid settings", () => {
    expect(parseSettings(schema, { main: { host: "db1" } }, "test settings")).toEqual({ ok: true, settings: { main: { host: "db1" }, port: 3306 } });
  });

  it("names every bad field by its path in one line, without the values", () => {
    const result = parseSettings(schema, { main: { host: "" }, port: "secret-value" }, "test settings");
    expect(result).toEqual({ ok: false, message: "Invalid test settings: main.host is required; port must be a number" });
  });

  it('calls a problem with the whole input "settings"', () => {
    expect(parseSettings(schema, "42", "test settings")).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid test settings: settings /) });
  });
});

describe("settingsOrThrow", () => {
  it("gives the settings or throws the message", () => {
    expect(settingsOrThrow({ ok: true, settings: { a: 1 } })).toEqual({ a: 1 });
    expect(() => settingsOrThrow({ ok: false, message: "Invalid test settings: a is required" })).toThrow("Invalid test settings: a is required");
  });
});
