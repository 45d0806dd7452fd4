import { describe, expect, it } from "vitest";
import { createBsmEngine } from "./engine";
import { BsmConfigError } from "./estate-index";
import { checkOf } from "./testing/builders";
import type { BsmConfig, BsmTransition } from "./types";

const config: BsmConfig = {
  components: [
    { id: "web", name: "Web servers", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
    { id: "db", name: "Databases", hostTemplate: "Database", hosts: ["db1", "db2"], requiredOnline: 2 },
    { id: "ping", name: "Reachability", hostTemplate: "Base", hosts: ["web1", "db1"], requiredOnline: 1 },
  ],
  businessServices: [
    { id: "shop", name: "Shop", components: ["web", "db"] },
    { id: "blog", name: "Blog", components: ["web", "ping"] },
    { id: "intranet", name: "Intranet", components: ["ping"] },
  ],
};

const healthy = [
  checkOf("web1", "HTTP", "OK"),
  checkOf("web2", "HTTP", "OK"),
  checkOf("web3", "HTTP", "OK"),
  checkOf("db1", "MySQL", "OK", { hostTemplates: ["Database"] }),
  checkOf("db2", "MySQL", "OK", { hostTemplates: ["Database"] }),
  checkOf("web1", "Ping", "OK", { hostTemplates: ["Base"] }),
  checkOf("db1", "Ping", "OK", { hostTemplates: ["Base"] }),
];

const fromOperational = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;

describe("createBsmEngine", () => {
  it("evaluates every component host, component and business service", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    expect(engine.getComponentHost("web", "web1")).toEqual({ componentId: "web", host: "web1", state: "FAILED", acknowledged: false, impacted: false });
    expect(engine.getComponentHost("ping", "web1")?.state).toBe("OPERATIONAL");
    expect(engine.getComponent("web")).toEqual({
      id: "web",
      name: "Web servers",
      state: "OPERATIONAL",
      acknowledged: false,
      impacted: true,
      hostsTotal: 3,
      hostsOperational: 2,
      hostsFailed: 1,
      hostsDowntime: 0,
      hostsAcknowledged: 0,
      requiredOnline: 2,
      allowedToFail: 1,
      operationalZonePercent: 66.67,
    });
    expect(engine.getBusinessService("shop")).toMatchObject({ state: "OPERATIONAL", impacted: true, componentsImpacted: 1, componentsTotal: 2 });
    expect(engine.getBusinessService("intranet")).toMatchObject({ state: "OPERATIONAL", impacted: false });
    expect(engine.summaryOrder()).toEqual(["blog", "shop", "intranet"]);
    expect(engine.zoneOrder("web")).toEqual(["web2", "web3", "web1"]);
    expect(engine.componentViewOrder("web")).toEqual(["web1", "web2", "web3"]);
    expect(engine.listComponentHosts("db").map((host) => host.host)).toEqual(["db1", "db2"]);
    expect(engine.businessServicesOfComponent("web")).toEqual(["shop", "blog"]);
    expect(engine.checkCount).toBe(healthy.length);
  });

  it("keeps the last status when the same check (host + name) is given twice", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL"), checkOf("web1", "HTTP", "OK")]);
    expect(engine.getComponentHost("web", "web1")?.state).toBe("OPERATIONAL");
    expect(engine.checkCount).toBe(healthy.length);
  });

  it("answers undefined or empty for unknown ids", () => {
    const engine = createBsmEngine(config, healthy);
    expect(engine.getComponent("nope")).toBeUndefined();
    expect(engine.getComponentHost("web", "db1")).toBeUndefined();
    expect(engine.getComponentHost("nope", "web1")).toBeUndefined();
    expect(engine.getBusinessService("nope")).toBeUndefined();
    expect(engine.zoneOrder("nope")).toEqual([]);
    expect(engine.businessServicesOfComponent("nope")).toEqual([]);
  });

  it("counts a business service's reference to an unconfigured component as an empty, OPERATIONAL component", () => {
    const engine = createBsmEngine(
      { components: config.components, businessServices: [{ id: "shop", name: "Shop", components: ["web", "missing"] }] },
      [checkOf("web1", "HTTP", "CRITICAL"), checkOf("web2", "HTTP", "CRITICAL")],
    );
    expect(engine.getBusinessService("shop")).toMatchObject({ state: "OFFLINE", componentsTotal: 2, componentsFailed: 1 });
  });

  it.each<{ case: string; config: BsmConfig; message: string }>([
    {
      case: "requiredOnline above N",
      config: { components: [{ id: "c", name: "C", hostTemplate: "T", hosts: ["a", "b", "c"], requiredOnline: 4 }], businessServices: [] },
      message: "components[0].requiredOnline: must be an integer between 0 and 3",
    },
    {
      case: "requiredOnline not an integer",
      config: { components: [{ id: "c", name: "C", hostTemplate: "T", hosts: ["a"], requiredOnline: 0.5 }], businessServices: [] },
      message: "components[0].requiredOnline: must be an integer between 0 and 1",
    },
    {
      case: "duplicate host",
      config: { components: [{ id: "c", name: "C", hostTemplate: "T", hosts: ["a", "a"], requiredOnline: 1 }], businessServices: [] },
      message: 'components[0].hosts[1]: duplicate host "a"',
    },
    {
      case: "duplicate component id",
      config: {
        components: [
          { id: "c", name: "C", hostTemplate: "T", hosts: [], requiredOnline: 0 },
          { id: "c", name: "D", hostTemplate: "T", hosts: [], requiredOnline: 0 },
        ],
        businessServices: [],
      },
      message: 'components[1].id: duplicate component id "c"',
    },
    {
      case: "a component listed twice in a service",
      config: {
        components: [{ id: "c", name: "C", hostTemplate: "T", hosts: [], requiredOnline: 0 }],
        businessServices: [{ id: "s", name: "S", components: ["c", "c"] }],
      },
      message: 'businessServices[0].components[1]: duplicate component "c"',
    },
  ])("rejects an invalid configuration: $case", ({ config: bad, message }) => {
    expect(() => createBsmEngine(bad, [])).toThrow(new BsmConfigError(message.split(": ")[0], message.slice(message.indexOf(": ") + 2)));
    expect(() => createBsmEngine(bad, [])).toThrow(message);
  });
});

describe("applyCheckChange", () => {
  it("reports the component host, component and business services whose status changed, bottom-up", () => {
    const engine = createBsmEngine(config, healthy);
    expect(engine.applyCheckChange(checkOf("web1", "HTTP", "CRITICAL"))).toEqual<BsmTransition[]>([
      { objectType: "componentHost", componentId: "web", host: "web1", before: fromOperational, after: { state: "FAILED", acknowledged: false, impacted: false } },
      { objectType: "component", id: "web", before: fromOperational, after: { state: "OPERATIONAL", acknowledged: false, impacted: true } },
      { objectType: "businessService", id: "shop", before: fromOperational, after: { state: "OPERATIONAL", acknowledged: false, impacted: true } },
      { objectType: "businessService", id: "blog", before: fromOperational, after: { state: "OPERATIONAL", acknowledged: false, impacted: true } },
    ]);
  });

  it("reports nothing when no status changes", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    expect(engine.applyCheckChange(checkOf("web1", "HTTP", "CRITICAL"))).toEqual([]);
    expect(engine.applyCheckChange(checkOf("web1", "Disk", "CRITICAL"))).toEqual([]);
    expect(engine.applyCheckChange(checkOf("web1", "HTTP", "WARNING", { hostTemplates: ["Other"] }))).toEqual([]);
    expect(engine.removeCheck("web1", "Disk")).toHaveLength(4);
  });

  it("reports a flag change alone: acknowledging a failed host acknowledges the impacted component and services", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    const transitions = engine.applyCheckChange(checkOf("web1", "HTTP", "CRITICAL", { acknowledged: true }));
    expect(transitions.map((t) => [t.objectType, t.after.state, t.after.acknowledged, t.after.impacted])).toEqual([
      ["componentHost", "FAILED", true, false],
      ["component", "OPERATIONAL", true, true],
      ["businessService", "OPERATIONAL", true, true],
      ["businessService", "OPERATIONAL", true, true],
    ]);
  });

  it("only touches the objects that change: a second failure fails web and takes its services OFFLINE", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    const transitions = engine.applyCheckChange(checkOf("web2", "HTTP", "CRITICAL"));
    expect(transitions.map((t) => (t.objectType === "componentHost" ? `${t.componentId}/${t.host}` : t.id))).toEqual([
      "web/web2",
      "web",
      "shop",
      "blog",
    ]);
    expect(engine.getBusinessService("shop")?.state).toBe("OFFLINE");
    expect(engine.getBusinessService("intranet")?.state).toBe("OPERATIONAL");
  });

  it("a check two templates contribute changes one host in each component that uses them", () => {
    const engine = createBsmEngine(config, healthy);
    const transitions = engine.applyCheckChange(checkOf("web1", "Agent", "CRITICAL", { hostTemplates: ["Web", "Base"] }));
    expect(transitions.filter((t) => t.objectType === "componentHost")).toHaveLength(2);
    expect(engine.getComponentHost("web", "web1")?.state).toBe("FAILED");
    expect(engine.getComponentHost("ping", "web1")?.state).toBe("FAILED");
    expect(engine.getBusinessService("blog")).toMatchObject({ state: "OPERATIONAL", componentsImpacted: 2 });
  });

  it("follows a change of a check's host templates", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    engine.applyCheckChange(checkOf("web1", "HTTP", "CRITICAL", { hostTemplates: ["Base"] }));
    expect(engine.getComponentHost("web", "web1")?.state).toBe("OPERATIONAL");
    expect(engine.getComponentHost("ping", "web1")?.state).toBe("FAILED");
  });
});

describe("applyCheckChanges", () => {
  it("reports the net change of a batch; an object that fails and recovers within it is not reported", () => {
    const engine = createBsmEngine(config, healthy);
    const transitions = engine.applyCheckChanges([
      checkOf("web1", "HTTP", "CRITICAL"),
      checkOf("db1", "MySQL", "CRITICAL", { hostTemplates: ["Database"] }),
      checkOf("web1", "HTTP", "OK"),
    ]);
    expect(transitions.map((t) => (t.objectType === "componentHost" ? `${t.componentId}/${t.host}` : t.id))).toEqual(["db/db1", "db", "shop"]);
    expect(engine.getBusinessService("shop")?.state).toBe("OFFLINE");
  });
});

describe("removeCheck", () => {
  it("removes the check's contribution", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("db1", "MySQL", "CRITICAL", { hostTemplates: ["Database"] })]);
    expect(engine.getComponent("db")?.state).toBe("FAILED");
    const transitions = engine.removeCheck("db1", "MySQL");
    expect(transitions.map((t) => t.objectType)).toEqual(["componentHost", "component", "businessService"]);
    expect(engine.getComponent("db")?.state).toBe("OPERATIONAL");
    expect(engine.checkCount).toBe(healthy.length - 1);
    expect(engine.removeCheck("db1", "MySQL")).toEqual([]);
  });

  it("reuses a removed check's slot for a new check", () => {
    const engine = createBsmEngine(config, healthy);
    engine.removeCheck("web3", "HTTP");
    engine.applyCheckChange(checkOf("web3", "HTTPS", "CRITICAL", { inDowntime: true }));
    expect(engine.getComponentHost("web", "web3")?.state).toBe("DOWNTIME");
    expect(engine.checkCount).toBe(healthy.length);
  });
});

describe("reconfigure", () => {
  it("rebuilds with the current checks and reports what the new configuration changed", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("web1", "HTTP", "CRITICAL")]);
    const raised: BsmConfig = {
      ...config,
      components: config.components.map((component) => (component.id === "web" ? { ...component, requiredOnline: 3 } : component)),
    };
    const transitions = engine.reconfigure(raised);
    expect(transitions.map((t) => [t.objectType, t.after.state])).toEqual([
      ["component", "FAILED"],
      ["businessService", "OFFLINE"],
      ["businessService", "OFFLINE"],
    ]);
    expect(engine.config).toBe(raised);
    expect(engine.getComponent("web")?.requiredOnline).toBe(3);
  });

  it("compares new objects with OPERATIONAL, the state they are assumed to start in", () => {
    const engine = createBsmEngine(config, [...healthy, checkOf("app1", "Java", "CRITICAL", { hostTemplates: ["App"] })]);
    const transitions = engine.reconfigure({
      components: [...config.components, { id: "app", name: "App", hostTemplate: "App", hosts: ["app1", "app2"], requiredOnline: 1 }],
      businessServices: [...config.businessServices, { id: "api", name: "API", components: ["app"] }, { id: "empty", name: "Empty", components: [] }],
    });
    expect(transitions.map((t) => (t.objectType === "componentHost" ? `${t.componentId}/${t.host}` : t.id))).toEqual(["app/app1", "app", "api"]);
  });

  it("keeps the old configuration when the new one is invalid", () => {
    const engine = createBsmEngine(config, healthy);
    expect(() => engine.reconfigure({ components: [{ id: "x", name: "X", hostTemplate: "T", hosts: [], requiredOnline: 1 }], businessServices: [] })).toThrow(
      BsmConfigError,
    );
    expect(engine.getComponent("web")).toBeDefined();
  });
});
