import { describe, expect, it } from "vitest";
import { effectiveExportSettings, hostTypeOf, NO_HOST_TYPE, SUPPORTED_HOST_TYPES } from "./host-types";

describe("host types and export settings", () => {
  it("a host's type is its template with the lowest priority number", () => {
    expect(hostTypeOf([{ name: "Base OS", priority: 2 }, { name: "Web", priority: 1 }])).toBe("Web");
  });

  it("equal priorities are broken by name so every read agrees", () => {
    expect(hostTypeOf([{ name: "Web", priority: 1 }, { name: "Cache", priority: 1 }])).toBe("Cache");
  });

  it("a host without templates has a type no export setting supports", () => {
    expect(hostTypeOf([])).toBe(NO_HOST_TYPE);
    expect(effectiveExportSettings([]).has(NO_HOST_TYPE)).toBe(false);
  });

  it("every supported type starts at its default; stored ON/OFF choices override it", () => {
    const defaults = effectiveExportSettings([]);
    expect([...defaults.keys()]).toEqual(SUPPORTED_HOST_TYPES.map((type) => type.hostType));
    expect(defaults.get("Web")).toBe("ON");
    expect(effectiveExportSettings([{ hostType: "Web", state: "OFF" }]).get("Web")).toBe("OFF");
  });

  it("a stored choice can neither change an NA type nor make one, nor add an unsupported type", () => {
    const settings = effectiveExportSettings([
      { hostType: "Queue", state: "ON" },
      { hostType: "Web", state: "NA" },
      { hostType: "Cisco", state: "ON" },
    ]);
    expect(settings.get("Queue")).toBe("NA");
    expect(settings.get("Web")).toBe("ON");
    expect(settings.has("Cisco")).toBe(false);
  });
});
