import { describe, expect, it } from "vitest";
import { formatOfContentType, formatOfFileName, readDocumentText, writeDocumentText } from "./text";

const document = { version: 1, components: [{ name: "Web", hostTemplate: "Linux", hosts: ["web-1", "no"], requiredOnline: 1 }], businessServices: [] };

describe("configuration document text", () => {
  it.each([
    ["application/yaml", "yaml"],
    ["text/yaml; charset=utf-8", "yaml"],
    ["application/x-yaml", "yaml"],
    ["application/json", "json"],
    [null, "json"],
  ] as const)("content type %s is read as %s", (contentType, format) => {
    expect(formatOfContentType(contentType)).toBe(format);
  });

  it("names the format by the file's extension", () => {
    expect([formatOfFileName("bsm.yaml"), formatOfFileName("bsm.YML"), formatOfFileName("bsm.json"), formatOfFileName("-")]).toEqual(["yaml", "yaml", "json", "json"]);
  });

  it("reads back what it writes, in JSON and YAML (YAML 1.2: a host named no stays text)", () => {
    for (const format of ["json", "yaml"] as const) expect(readDocumentText(writeDocumentText(document, format), format)).toEqual(document);
  });

  it("refuses text that is not JSON or YAML with a plain message", () => {
    expect(() => readDocumentText("{ version: ", "json")).toThrow(/^the document is not valid JSON \(/);
    expect(() => readDocumentText("version: [1", "yaml")).toThrow(/^the document is not valid YAML \(/);
  });
});
