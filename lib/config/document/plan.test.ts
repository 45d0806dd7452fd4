import { describe, expect, it } from "vitest";
import { countActions, planChanges, planImport, type PlanningState } from "./plan";
import type { ConfigDocument } from "./schema";

const host = (templates: string[], { monitored = true, visible = true } = {}) => ({ templates, monitored, visible });

function stateWith(overrides: Partial<PlanningState> = {}): PlanningState {
  return {
    components: [
      { name: "Web", hostTemplate: "Linux", hosts: ["web-1", "web-2"], requiredOnline: 1, notes: "", deleteRefusal: null },
      { name: "Db", hostTemplate: "Database", hosts: ["db-1"], requiredOnline: 1, notes: "", deleteRefusal: null },
    ],
    businessServices: [{ name: "Shop", components: ["Web", "Db"], notes: "Call ops first" }],
    takenComponentNames: new Set(["Hidden"]),
    takenServiceNames: new Set(["Secret"]),
    hostTemplates: new Set(["Linux", "Database"]),
    hosts: new Map([
      ["web-1", host(["Linux"])],
      ["web-2", host(["Linux"])],
      ["web-3", host(["Linux"])],
      ["db-1", host(["Database"])],
      ["gone-1", host(["Linux"], { monitored: false })],
      ["secret-1", host(["Linux"], { visible: false })],
    ]),
    addableComponentNames: new Set(["Web", "Db"]),
    ...overrides,
  };
}

const sameAsNow: ConfigDocument = {
  version: 1,
  components: [
    { name: "Db", hostTemplate: "Database", hosts: ["db-1"], requiredOnline: 1 },
    { name: "Web", hostTemplate: "Linux", hosts: ["web-1", "web-2"], requiredOnline: 1 },
  ],
  businessServices: [{ name: "Shop", components: ["Web", "Db"] }],
};

describe("planning an import", () => {
  it("compares notes only when the document gives them: left out, the stored ones stay", () => {
    const withNotes = (shop: string | undefined, web: string | undefined): ConfigDocument => ({
      ...sameAsNow,
      components: sameAsNow.components.map((entry) => (entry.name === "Web" && web !== undefined ? { ...entry, notes: web } : entry)),
      businessServices: [{ name: "Shop", components: ["Web", "Db"], ...(shop === undefined ? {} : { notes: shop }) }],
    });
    const actions = (document: ConfigDocument) => {
      const plan = planImport(document, stateWith(), { prune: false });
      return [...plan.components, ...plan.businessServices].map((change) => `${change.name}:${change.action}`);
    };
    expect(actions(withNotes(undefined, undefined))).toEqual(["Db:unchanged", "Web:unchanged", "Shop:unchanged"]);
    expect(actions(withNotes("Call ops first", ""))).toEqual(["Db:unchanged", "Web:unchanged", "Shop:unchanged"]);
    expect(actions(withNotes("", "Runbook: wiki/web"))).toEqual(["Db:unchanged", "Web:update", "Shop:update"]);
  });

  it("plans every object unchanged when the document is what is stored", () => {
    const plan = planImport(sameAsNow, stateWith(), { prune: false });
    expect(plan).toEqual({
      components: [
        { name: "Db", action: "unchanged" },
        { name: "Web", action: "unchanged" },
      ],
      businessServices: [{ name: "Shop", action: "unchanged" }],
      problems: [],
    });
    expect(planChanges(plan)).toBe(false);
  });

  it("creates new names, updates changed objects (host order and required online count) and keeps what the document leaves out", () => {
    const document: ConfigDocument = {
      version: 1,
      components: [
        { name: "Web", hostTemplate: "Linux", hosts: ["web-2", "web-1"], requiredOnline: 1 },
        { name: "Web 3", hostTemplate: "Linux", hosts: ["web-3"], requiredOnline: 0 },
      ],
      businessServices: [
        { name: "Shop", components: ["Db", "Web"] },
        { name: "Blog", components: ["Web 3"] },
      ],
    };
    const plan = planImport(document, stateWith(), { prune: false });
    expect(plan).toEqual({
      components: [
        { name: "Db", action: "kept" },
        { name: "Web", action: "update" },
        { name: "Web 3", action: "create" },
      ],
      businessServices: [
        { name: "Blog", action: "create" },
        { name: "Shop", action: "update" },
      ],
      problems: [],
    });
    expect(countActions(plan.components)).toEqual({ create: 1, update: 1, unchanged: 0, delete: 0, kept: 1 });
  });

  it("with prune deletes what the document leaves out, unless that is refused", () => {
    const document: ConfigDocument = { version: 1, components: [], businessServices: [] };
    expect(planImport(document, stateWith(), { prune: true })).toEqual({
      components: [
        { name: "Db", action: "delete" },
        { name: "Web", action: "delete" },
      ],
      businessServices: [{ name: "Shop", action: "delete" }],
      problems: [],
    });
    const refused = stateWith({
      components: [{ name: "Web", hostTemplate: "Linux", hosts: ["web-1"], requiredOnline: 1, notes: "", deleteRefusal: "it is used by business services you cannot see" }],
    });
    expect(planImport(document, refused, { prune: true }).problems).toEqual([
      { path: "components", message: '"Web" cannot be deleted: it is used by business services you cannot see' },
    ]);
  });

  it("a service may not keep a component that pruning deletes", () => {
    const document: ConfigDocument = { version: 1, components: sameAsNow.components.slice(0, 1), businessServices: sameAsNow.businessServices };
    expect(planImport(document, stateWith(), { prune: true }).problems).toEqual([
      { path: "businessServices[0].components[0]", message: 'the component "Web" is not in the document, so pruning would delete it' },
    ]);
  });

  it.each<[string, ConfigDocument, { path: string; message: string }[]]>([
    [
      "an unknown host",
      { version: 1, components: [{ name: "New", hostTemplate: "Linux", hosts: ["web-1", "web-9"], requiredOnline: 1 }], businessServices: [] },
      [{ path: "components[0].hosts[1]", message: 'no monitored host is named "web-9"' }],
    ],
    [
      "a host the caller may not see, worded as an unknown one",
      { version: 1, components: [{ name: "New", hostTemplate: "Linux", hosts: ["secret-1"], requiredOnline: 1 }], businessServices: [] },
      [{ path: "components[0].hosts[0]", message: 'no monitored host is named "secret-1"' }],
    ],
    [
      "a host no longer monitored, added anew",
      { version: 1, components: [{ name: "New", hostTemplate: "Linux", hosts: ["gone-1"], requiredOnline: 1 }], businessServices: [] },
      [{ path: "components[0].hosts[0]", message: "gone-1 is no longer monitored" }],
    ],
    [
      "a host without the chosen template",
      { version: 1, components: [{ name: "New", hostTemplate: "Linux", hosts: ["db-1"], requiredOnline: 1 }], businessServices: [] },
      [{ path: "components[0].hosts[0]", message: 'db-1 does not use the host template "Linux"' }],
    ],
    [
      "an unknown template",
      { version: 1, components: [{ name: "New", hostTemplate: "Windows", hosts: ["web-1"], requiredOnline: 1 }], businessServices: [] },
      [
        { path: "components[0].hostTemplate", message: 'no host template is named "Windows"' },
        { path: "components[0].hosts[0]", message: 'web-1 does not use the host template "Windows"' },
      ],
    ],
    [
      "a component name the caller cannot change",
      { version: 1, components: [{ name: "Hidden", hostTemplate: "Linux", hosts: ["web-1"], requiredOnline: 1 }], businessServices: [] },
      [{ path: "components[0].name", message: 'another component already has the name "Hidden" and you cannot change it' }],
    ],
    [
      "a service name the caller cannot change",
      { version: 1, components: [], businessServices: [{ name: "Secret", components: [] }] },
      [{ path: "businessServices[0].name", message: 'another business service already has the name "Secret" and you cannot change it' }],
    ],
    [
      "a component in neither the document nor the database",
      { version: 1, components: [], businessServices: [{ name: "Blog", components: ["Web", "Cache"] }] },
      [{ path: "businessServices[0].components[1]", message: 'no component is named "Cache" (neither in the document nor one you may add)' }],
    ],
    [
      "a component the caller may not add (its hosts are hidden)",
      { version: 1, components: [], businessServices: [{ name: "Blog", components: ["Hidden"] }] },
      [{ path: "businessServices[0].components[0]", message: 'no component is named "Hidden" (neither in the document nor one you may add)' }],
    ],
  ])("reports %s at its path", (_, document, problems) => {
    expect(planImport(document, stateWith(), { prune: false }).problems).toEqual(problems);
  });

  it("hosts and components already in place may stay though they could not be added now", () => {
    const state = stateWith({
      components: [{ name: "Web", hostTemplate: "Linux", hosts: ["web-1", "gone-1", "secret-1"], requiredOnline: 1, notes: "", deleteRefusal: null }],
      businessServices: [{ name: "Shop", components: ["Web", "Hidden"], notes: "" }],
    });
    const document: ConfigDocument = {
      version: 1,
      components: [{ name: "Web", hostTemplate: "Linux", hosts: ["secret-1", "gone-1", "web-1"], requiredOnline: 2 }],
      businessServices: [{ name: "Shop", components: ["Hidden", "Web"] }],
    };
    const plan = planImport(document, state, { prune: false });
    expect(plan.problems).toEqual([]);
    expect(plan.components).toEqual([{ name: "Web", action: "update" }]);
    expect(plan.businessServices).toEqual([{ name: "Shop", action: "update" }]);
  });
});
