import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_STATE, effectiveExportSettings, hostTypeOf, NO_HOST_TYPE } from "./host-types";

describe("host types and export settings", () => {
  it("a host's type is its template with the lowest priority number", () => {
    expect(hostTypeOf([{ name: "Base OS", priority: 2 }, { name: "Web", priority: 1 }])).toBe("Web");
  });

  it("equal priorities are broken by name so every read agrees", () => {
    expect(hostTypeOf([{ name: "Web", priority: 1 }, { name: "Cache", priority: 1 }])).toBe("Cache");
  });

  it("a host without templates has a type no export setting supports", () => {
    expect(hostTypeOf([])).toBe(NO_HOST_TYPE);
    expect(effectiveExportSettings([NO_HOST_TYPE, "Web"], []).has(NO_HOST_TYPE)).toBe(false);
  });

  it("every type the source reports is supported and starts ON; stored choices override it", () => {
    const defaults = effectiveExportSettings(["Web", "Cisco switch", "Web"], []);
    expect([...defaults.entries()]).toEqual([
      ["Web", DEFAULT_EXPORT_STATE],
      ["Cisco switch", DEFAULT_EXPORT_STATE],
    ]);
    expect(DEFAULT_EXPORT_STATE).toBe("ON");
    expect(effectiveExportSettings(["Web", "Queue"], [{ hostType: "Web", state: "OFF" }, { hostType: "Queue", state: "NA" }])).toEqual(
      new Map([
        ["Web", "OFF"],
        ["Queue", "NA"],
      ]),
    );
  });

  it("a stored choice for a type the source does not report adds nothing", () => {
    const settings = effectiveExportSettings(["Web"], [{ hostType: "Cisco", state: "ON" }]);
    expect(settings.has("Cisco")).toBe(false);
    expect(settings.size).toBe(1);
  });
});
