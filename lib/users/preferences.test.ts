import { describe, expect, it } from "vitest";
import { preferencesInput, preferencesOf } from "./preferences";

describe("preferences input", () => {
  it.each([
    [{ theme: "dark", timeZone: "Europe/Berlin" }, { theme: "dark", timeZone: "Europe/Berlin" }],
    [{ theme: "system", timeZone: null }, { theme: "system", timeZone: null }],
    [{ theme: "light", timeZone: "" }, { theme: "light", timeZone: null }],
    [{ theme: "light", timeZone: "UTC" }, { theme: "light", timeZone: "UTC" }],
  ])("accepts %j", (input, expected) => {
    expect(preferencesInput.parse(input)).toEqual(expected);
  });

  it.each([
    [{ theme: "purple", timeZone: null }, "theme", "Choose System, Light or Dark."],
    [{ theme: "dark", timeZone: "Mars/Olympus_Mons" }, "timeZone", "This is not a time zone we know; choose one from the list."],
    [{ theme: "dark", timeZone: 42 }, "timeZone", "Choose a time zone from the list."],
    [{ theme: "dark", timeZone: "x".repeat(101) }, "timeZone", "Choose a time zone from the list."],
  ])("refuses %j with a plain message on the field", (input, field, message) => {
    const parsed = preferencesInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: [field], message });
  });
});

describe("stored preferences", () => {
  it("fall back to the defaults for values no longer valid", () => {
    expect(preferencesOf({ theme: "sepia", timeZone: "Nowhere/Town" })).toEqual({ theme: "system", timeZone: null });
  });
  it("keep valid values", () => {
    expect(preferencesOf({ theme: "dark", timeZone: "Asia/Tokyo" })).toEqual({ theme: "dark", timeZone: "Asia/Tokyo" });
  });
});
