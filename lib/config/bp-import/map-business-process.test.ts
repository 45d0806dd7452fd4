import { describe, expect, it } from "vitest";
import { hostTemplateOf, mapBusinessProcess, type KnownHosts } from "./map-business-process";
import { parseProcessFile } from "./parse-process-file";

const known: KnownHosts = new Map([
  ["web1", [{ name: "Web", priority: 1 }]],
  ["web2", [{ name: "Web", priority: 1 }, { name: "Linux", priority: 2 }]],
  ["web3", [{ name: "Linux", priority: 1 }, { name: "Web", priority: 2 }]],
  ["db1", [{ name: "Db", priority: 1 }]],
  ["db2", [{ name: "Db", priority: 1 }]],
]);

const map = (text: string, hosts: KnownHosts = known) => {
  const parsed = parseProcessFile(text);
  expect(parsed.errors).toEqual([]);
  return mapBusinessProcess(parsed, hosts);
};

describe("mapBusinessProcess", () => {
  it("makes N of: over hosts a component with R = N, & over hosts one with R = all, & over components a business service named by its display title", () => {
    const mapped = map(["web = 2 of: web1;Hoststatus + web2;Hoststatus + web3;Hoststatus", "db = db1;Hoststatus & db2;Hoststatus", "shop = web & db", "display 1;shop;Online shop"].join("\n"));
    expect(mapped.notImported).toEqual([]);
    expect(mapped.document).toEqual({
      version: 1,
      components: [
        { name: "web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
        { name: "db", hostTemplate: "Db", hosts: ["db1", "db2"], requiredOnline: 2 },
      ],
      businessServices: [{ name: "Online shop", components: ["web", "db"] }],
    });
    expect(mapped.processPath("components[1].hosts[0]")).toBe("db (line 2).hosts[0]");
    expect(mapped.processPath("businessServices[0].name")).toBe("shop (line 3).name");
  });

  it.each([
    ["a node without children", "a = ", /it has no children/],
    ["| (OR)", "a = web1;Hoststatus | web2;Hoststatus", /\| \(OR, the best child's state\) has no counterpart/],
    ["! (NOT)", "a = ! web1;Hoststatus", /! \(NOT\) has no counterpart/],
    ["% (DEGRADED)", "a = web1;Hoststatus % web2;Hoststatus", /no warning state/],
    ["a service-level child", "a = web1;HTTP & web2;Hoststatus", /web1;HTTP is a service/],
    ["a node of another file", "a = @other:shop", /another process file/],
    ["an undefined child", "a = nowhere", /nowhere is not defined in the file/],
    ["hosts mixed with nodes", "c = web1;Hoststatus\na = c & web2;Hoststatus", /mixes hosts and other nodes/],
    ["N of: over nodes", "c = web1;Hoststatus\nd = web2;Hoststatus\na = 1 of: c + d", /1 of: over nodes has no counterpart/],
    ["more required than hosts", "a = 3 of: web1;Hoststatus + web2;Hoststatus", /asks for more hosts than its 2/],
    ["a host listed twice", "a = 1 of: web1;Hoststatus + web1;Hoststatus", /lists the host web1 twice/],
    ["an unknown host", "a = 1 of: web1;Hoststatus + web9;Hoststatus", /the host web9 is not monitored here/],
    ["hosts without a shared template", "a = web1;Hoststatus & db1;Hoststatus", /share no host template \(web1: Web; db1: Db\)/],
  ])("lists %s as not imported, with the reason and the line", (_label, text, reason) => {
    const mapped = map(text);
    const last = text.split("\n").length;
    expect(mapped.notImported).toEqual([{ node: "a", line: last, reason: expect.stringMatching(reason) }]);
    expect(mapped.document.components.map((component) => component.name)).not.toContain("a");
  });

  it("does not import a business service over a node that is not imported or is itself a service, and says which child", () => {
    const mapped = map(["ok = web1;Hoststatus", "bad = web1;Hoststatus | web2;Hoststatus", "shop = ok & bad", "fine = ok", "top = fine & ok"].join("\n"));
    expect(mapped.document.components.map((component) => component.name)).toEqual(["ok"]);
    expect(mapped.document.businessServices.map((service) => service.name)).toEqual(["fine"]);
    expect(mapped.notImported).toEqual([
      { node: "bad", line: 2, reason: expect.stringMatching(/OR/) },
      { node: "shop", line: 3, reason: "its child bad is not imported (line 2)" },
      { node: "top", line: 5, reason: "its child fine is a business service, and business services hold components only (no nesting)" },
    ]);
  });

  it("keeps the first of two nodes with the same title and lists the second; lists info_url and state_overrides lines", () => {
    const mapped = map(["a = web1;Hoststatus", "b = web2;Hoststatus", "display 0;a;Web", "display 0;b;Web", "info_url a;https://wiki", "state_overrides a!web1;Hoststatus|2-0"].join("\n"));
    expect(mapped.document.components.map((component) => component.name)).toEqual(["Web"]);
    expect(mapped.notImported).toEqual([
      { node: "b", line: 2, reason: 'the component name "Web" is already taken by a (line 1)' },
      { node: "a", line: 5, reason: expect.stringMatching(/^info_url \(an info URL\) has no counterpart/) },
      { node: "a", line: 6, reason: expect.stringMatching(/^state_overrides/) },
    ]);
  });
});

describe("hostTemplateOf", () => {
  it.each([
    ["the primary template of most hosts among the shared ones", ["web1", "web2", "web3"], "Web"],
    ["by name when primaries and priority sums tie", ["web2", "web3"], "Linux"],
    ["the lowest sum of priorities when primaries tie", ["web1", "web2"], "Web"],
    ["the only template of one host", ["db1"], "Db"],
  ])("%s", (_label, hosts, template) => {
    expect(hostTemplateOf(hosts, known)).toBe(template);
  });
});

describe("odd input", () => {
  it.each(["=", "= x", "display", "display ;;", "info_url x", "state_overrides ", "a = 1 of: + +", "a = @x", "a = @x:", "a = ;", "a = ;Hoststatus", "a = 99999999999999999999 of: web1;Hoststatus + web2;Hoststatus", "a = b\nb = a"])(
    "%j is parsed and mapped without throwing",
    (text) => {
      const parsed = parseProcessFile(text);
      expect(() => mapBusinessProcess(parsed, known)).not.toThrow();
    },
  );
});
