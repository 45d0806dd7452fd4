import { describe, expect, it } from "vitest";
import { mapOpsviewConfiguration, requiredOnlineOfQuorum } from "./map-opsview-configuration";
import { readOpsviewFile } from "./read-opsview-configuration";

const component = (name: string, hosts: string[], quorum: unknown, template: unknown = { name: "Web", ref: "/rest/config/hosttemplate/2" }) => ({
  ref: `/rest/config/bsmcomponent/${name}`,
  id: "1",
  name,
  host_template: template,
  hosts: hosts.map((host, index) => ({ name: host, ref: `/rest/config/host/${index}` })),
  quorum_pct: quorum,
  uncommitted: "0",
});

describe("requiredOnlineOfQuorum", () => {
  it.each([
    ["66.67 % of 3 hosts is 2", "66.67", 3, 2],
    ["33.33 % of 3 hosts is 1", "33.33", 3, 1],
    ["50 % of 3 hosts rounds up to 2", "50", 3, 2],
    ["50 % of 2 hosts is 1", "50.00", 2, 1],
    ["100 % is every host", "100", 5, 5],
    ["0 % is none", "0", 4, 0],
    ["66.68 % of 3 hosts needs all 3", "66.68", 3, 3],
    ["1 % of 1 host is that host", "1", 1, 1],
  ])("%s", (_label, quorum, hosts, expected) => {
    const mapped = mapOpsviewConfiguration({ bsmcomponent: [component("C", Array.from({ length: hosts }, (_, index) => `h${index}`), quorum)], bsmservice: [] });
    expect(mapped.problems).toEqual([]);
    expect(mapped.document.components[0]?.requiredOnline).toBe(expected);
  });

  it("takes a number as well as a string", () => {
    expect(requiredOnlineOfQuorum(6667, 3)).toBe(2);
    expect(mapOpsviewConfiguration({ bsmcomponent: [component("C", ["a", "b"], 100)], bsmservice: [] }).document.components[0]?.requiredOnline).toBe(2);
  });
});

describe("mapOpsviewConfiguration", () => {
  it("maps components and services by name, keeping the order of hosts and components", () => {
    const mapped = mapOpsviewConfiguration({
      bsmcomponent: [component("Web", ["web2", "web1"], "50"), component("Db", ["db1"], "100", { name: "Database Server", ref: "/rest/config/hosttemplate/3" })],
      bsmservice: [
        {
          ref: "/rest/config/bsmservice/1",
          id: "1",
          uncommitted: "0",
          name: "Shop",
          components: [
            { ref: "/rest/config/businesscomponent/2", name: "Db" },
            { ref: "/rest/config/bsmcomponent/1", name: "Web" },
          ],
        },
      ],
    });
    expect(mapped.problems).toEqual([]);
    expect(mapped.document).toEqual({
      version: 1,
      components: [
        { name: "Web", hostTemplate: "Web", hosts: ["web2", "web1"], requiredOnline: 1 },
        { name: "Db", hostTemplate: "Database Server", hosts: ["db1"], requiredOnline: 1 },
      ],
      businessServices: [{ name: "Shop", components: ["Db", "Web"] }],
    });
  });

  it("reports what cannot be mapped with its path in the Opsview input, never dropping it silently", () => {
    const mapped = mapOpsviewConfiguration({
      bsmcomponent: [
        { name: "No template", hosts: [{ name: "a" }], quorum_pct: "50" },
        component("Too much", ["a"], "150"),
        component("Negative", ["a"], "-5"),
        component("Not a number", ["a"], "most"),
        { name: "No hosts", host_template: { name: "Web" }, hosts: [], quorum_pct: "50" },
        { name: "Nameless host", host_template: { name: "Web" }, hosts: [{ ref: "/rest/config/host/9" }], quorum_pct: "50" },
        component("Fine", ["a"], "100"),
        "junk",
      ],
      bsmservice: [{ components: [{ name: "Fine" }] }, { name: "Shop", components: [{ ref: "/rest/config/bsmcomponent/7" }] }],
    });
    expect(mapped.problems.map((problem) => problem.path)).toEqual([
      "bsmcomponent[0].host_template",
      "bsmcomponent[1].quorum_pct",
      "bsmcomponent[2].quorum_pct",
      "bsmcomponent[3].quorum_pct",
      "bsmcomponent[4].hosts",
      "bsmcomponent[5].hosts[0]",
      "bsmcomponent[7]",
      "bsmservice[0].name",
      "bsmservice[1].components[0]",
    ]);
    expect(mapped.problems[1]?.message).toContain('"150"');
    expect(mapped.document.components.map((entry) => entry.name)).toEqual(["Fine"]);
    expect(mapped.opsviewPath("components[0].hostTemplate")).toBe("bsmcomponent[6].host_template");
    expect(mapped.opsviewPath("components[0].hosts[0]")).toBe("bsmcomponent[6].hosts[0]");
  });
});

describe("readOpsviewFile", () => {
  it("takes the saved REST answers or their bare lists", () => {
    const lists = { bsmservice: [{ name: "S" }], bsmcomponent: [component("C", ["a"], "0")] };
    expect(readOpsviewFile({ bsmservice: { list: lists.bsmservice, summary: {} }, bsmcomponent: { list: lists.bsmcomponent } })).toEqual(lists);
    expect(readOpsviewFile(lists)).toEqual(lists);
    expect(readOpsviewFile({ bsmcomponent: [] })).toEqual({ bsmcomponent: [], bsmservice: [] });
  });

  it("refuses a file of another shape with the field at fault", () => {
    expect(() => readOpsviewFile([])).toThrow(/the file must be a JSON object/);
    expect(() => readOpsviewFile({ bsmservice: [] })).toThrow(/file.bsmcomponent/);
  });
});
