import { describe, expect, it } from "vitest";
import { documentPath, parseConfigDocument } from "./schema";

const web = { name: "Web", hostTemplate: "Linux", hosts: ["web-1", "web-2"], requiredOnline: 1 };
const good = { version: 1, components: [web], businessServices: [{ name: "Shop", components: ["Web"] }] };

const problemsOf = (raw: unknown) => parseConfigDocument(raw).problems;

describe("configuration document schema", () => {
  it("accepts a good document and fills in missing lists", () => {
    expect(parseConfigDocument(good)).toEqual({ document: good, problems: [] });
    expect(parseConfigDocument({ version: 1 }).document).toEqual({ version: 1, components: [], businessServices: [] });
  });

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ["another version", { ...good, version: 2 }, [{ path: "version", message: "version must be 1" }]],
    ["no version", { components: [] }, [{ path: "version", message: "version must be 1" }]],
    ["not an object", "components: []", [{ path: "document", message: "The document must be a set of fields" }]],
    ["an unknown field", { ...good, owner: "me" }, [{ path: "document", message: "Unknown field: owner" }]],
    ["a blank component name", { ...good, components: [{ ...web, name: " " }] }, [{ path: "components[0].name", message: "Enter a name" }]],
    ["a name over 100 characters", { ...good, components: [{ ...web, name: "x".repeat(101) }] }, [{ path: "components[0].name", message: "Name must be at most 100 characters" }]],
    ["no hosts", { ...good, components: [{ ...web, hosts: [], requiredOnline: 0 }] }, [{ path: "components[0].hosts", message: "Choose at least one host" }]],
    ["a host that is not text", { ...good, components: [{ ...web, hosts: ["web-1", 7] }] }, [{ path: "components[0].hosts[1]", message: "Hosts must be text" }]],
    [
      "required online above the host count",
      { ...good, components: [{ ...web, requiredOnline: 3 }] },
      [{ path: "components[0].requiredOnline", message: "Required online must be between 0 and the number of hosts (2)" }],
    ],
    [
      "required online below 0",
      { ...good, components: [{ ...web, requiredOnline: -1 }] },
      [{ path: "components[0].requiredOnline", message: "Required online must be between 0 and the number of hosts (2)" }],
    ],
    ["required online not whole", { ...good, components: [{ ...web, requiredOnline: 1.5 }] }, [{ path: "components[0].requiredOnline", message: "Required online must be a whole number" }]],
    ["a host twice", { ...good, components: [{ ...web, hosts: ["web-1", "web-1"] }] }, [{ path: "components[0].hosts[1]", message: 'the host "web-1" is listed twice' }]],
    [
      "two components with one name",
      { ...good, components: [web, { ...web, hosts: ["web-3"] }] },
      [{ path: "components[1].name", message: 'another component in the document is also named "Web"' }],
    ],
    [
      "two services with one name",
      { ...good, businessServices: [{ name: "Shop", components: [] }, { name: "Shop", components: [] }] },
      [{ path: "businessServices[1].name", message: 'another business service in the document is also named "Shop"' }],
    ],
    [
      "a component twice in a service",
      { ...good, businessServices: [{ name: "Shop", components: ["Web", "Web"] }] },
      [{ path: "businessServices[0].components[1]", message: 'the component "Web" is listed twice' }],
    ],
  ])("refuses %s with its path and a plain message", (_, raw, problems) => {
    expect(problemsOf(raw)).toEqual(problems);
  });

  it("writes paths as the document reads", () => {
    expect(documentPath(["components", 3, "hosts", 1])).toBe("components[3].hosts[1]");
    expect(documentPath(["version"])).toBe("version");
  });
});
