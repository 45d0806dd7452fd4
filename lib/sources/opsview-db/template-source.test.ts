import { describe, expect, it } from "vitest";
import { createTemplateNamer } from "./template-source";

describe("host template names from a row's template column", () => {
  it("takes Opsview's template name as it is", () => {
    const names = createTemplateNamer({ from: "opsview-config" });
    expect(names("Web Server")).toEqual(["Web Server"]);
    expect(names(null)).toEqual([]);
    expect(names(Buffer.from("Base"))).toEqual(["Base"]);
  });

  it("turns a matching host group into a template named by the first capture group", () => {
    const names = createTemplateNamer({ from: "host-group", pattern: "^tmpl-(.+)$" });
    expect(names("tmpl-Web")).toEqual(["Web"]);
    expect(names("site-London")).toEqual([]);
    expect(names(null)).toEqual([]);
  });

  it("uses the whole host group name when the pattern has no capture group", () => {
    expect(createTemplateNamer({ from: "host-group", pattern: "^role-" })("role-db")).toEqual(["role-db"]);
  });

  it.each([
    ["Web", 0, ["Web"]],
    ["Linux, Web ,,Linux", 0, ["Linux", "Web"]],
    ['["Linux","Web"]', 1, ["Linux", "Web"]],
    ['"Web"', 1, ["Web"]],
    ['{"a":1}', 1, []],
    ["[not json", 1, []],
    [null, 0, []],
  ])("reads the custom variable value %j (is_json %s) as %j", (value, isJson, expected) => {
    expect(createTemplateNamer({ from: "custom-variable", name: "bsm_templates" })(value, isJson)).toEqual(expected);
  });
});
