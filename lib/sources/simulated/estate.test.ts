import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_CHECKS, BASE_TEMPLATE, TEMPLATES } from "./catalogue";
import { apportionHosts, generateSimulatedEstate, simulatedBsmConfiguration, type SimulatedEstate } from "./estate";

/** Everything wrong with an estate, in words; plain code rather than one expect per check keeps big estates fast. */
function estateProblems(estate: SimulatedEstate, hosts: number, businessServices: number): string[] {
  const problems: string[] = [];
  if (estate.hosts.length !== hosts) problems.push(`${estate.hosts.length} hosts, asked for ${hosts}`);
  if (estate.businessServices.length !== businessServices) {
    problems.push(`${estate.businessServices.length} business services, asked for ${businessServices}`);
  }
  const hostsByName = new Map(estate.hosts.map((host) => [host.name, host]));
  if (hostsByName.size !== estate.hosts.length) problems.push("host names repeat");
  if (new Set(estate.hosts.map((host) => host.address)).size !== estate.hosts.length) problems.push("addresses repeat");
  const hasTemplate = (hostName: string, template: string) =>
    hostsByName.get(hostName)?.hostTemplates.some((candidate) => candidate.name === template) ?? false;

  const componentNames = new Set(estate.components.map((component) => component.name));
  if (componentNames.size !== estate.components.length) problems.push("component names repeat");
  for (const component of estate.components) {
    const size = component.hosts.length;
    if (size === 0 || new Set(component.hosts).size !== size) problems.push(`${component.name}: empty or repeated hosts`);
    if (!(component.requiredOnline >= 1 && component.requiredOnline <= size)) {
      problems.push(`${component.name}: R=${component.requiredOnline} of ${size}`);
    }
    for (const host of component.hosts) {
      if (!hasTemplate(host, component.hostTemplate)) problems.push(`${component.name}: ${host} is unknown or not a ${component.hostTemplate}`);
    }
  }

  if (new Set(estate.businessServices.map((service) => service.name)).size !== estate.businessServices.length) {
    problems.push("business service names repeat");
  }
  for (const service of estate.businessServices) {
    if (service.components.length < 2 || service.components.length > 5) problems.push(`${service.name}: ${service.components.length} components`);
    for (const name of service.components) if (!componentNames.has(name)) problems.push(`${service.name}: unknown component ${name}`);
  }

  const checkKeys = new Set<string>();
  for (const check of estate.serviceChecks) {
    const key = `${check.host}/${check.name}`;
    if (check.hostTemplates.length !== 1 || !hasTemplate(check.host, check.hostTemplates[0])) {
      problems.push(`${key}: contributed by ${check.hostTemplates.join(", ")}, which the host does not have`);
    }
    if (check.serviceGroups.length !== 1) problems.push(`${key}: in ${check.serviceGroups.length} service groups, not one`);
    if (check.state !== "OK" || check.acknowledged || check.inDowntime || check.lastStateChange !== null) problems.push(`${key}: not a fresh OK`);
    if (checkKeys.has(key)) problems.push(`${key}: repeated`);
    checkKeys.add(key);
  }
  return problems;
}

// fast-check generates 30 estates of up to 5,000 hosts; 1.5-2.7 s here (load 2-5).
const PROPERTY_BUDGET_MS = 30_000;

describe("generateSimulatedEstate", () => {
  it("puts each check in the service group of its kind: base checks in Operating system (SSH in Network), template checks in their template's", () => {
    const estate = generateSimulatedEstate({ seed: 3, hosts: 40 });
    const web = estate.hosts.find((host) => host.name.startsWith("web-"));
    const db = estate.hosts.find((host) => host.name.startsWith("db-"));
    const groupsOf = (host: string | undefined) =>
      Object.fromEntries(estate.serviceChecks.filter((check) => check.host === host).map((check) => [check.name, check.serviceGroups]));
    expect(groupsOf(web?.name)).toEqual({
      HTTP: ["Web"],
      "HTTPS certificate": ["Web"],
      "Response time": ["Web"],
      CPU: ["Operating system"],
      Memory: ["Operating system"],
      Disk: ["Operating system"],
      SSH: ["Network"],
    });
    expect(groupsOf(db?.name)).toMatchObject({ "MySQL connections": ["Database"], "Replication lag": ["Database"], CPU: ["Operating system"] });
  });

  it("builds the default estate: 240 hosts and 10 business services", () => {
    expect(estateProblems(generateSimulatedEstate(), 240, 10)).toEqual([]);
  });

  it("gives the same estate for the same seed", () => {
    expect(generateSimulatedEstate({ seed: 7 })).toEqual(generateSimulatedEstate({ seed: 7 }));
  });

  it("gives a different estate for a different seed", () => {
    const first = generateSimulatedEstate({ seed: 1 });
    const second = generateSimulatedEstate({ seed: 2 });
    expect(second).not.toEqual(first);
    expect(second.components).not.toEqual(first.components);
  });

  it("honours every size in range and keeps the estate consistent", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 20, max: 5000 }), fc.integer({ min: 5, max: 15 }), (seed, hosts, businessServices) => {
        expect(estateProblems(generateSimulatedEstate({ seed, hosts, businessServices }), hosts, businessServices)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, PROPERTY_BUDGET_MS);

  it.each([
    [20, 5],
    [20, 15],
    [5000, 15],
  ])("handles the extremes: %i hosts, %i business services", (hosts, businessServices) => {
    expect(estateProblems(generateSimulatedEstate({ hosts, businessServices }), hosts, businessServices)).toEqual([]);
  });

  it("names hosts after their template, region and number", () => {
    for (const host of generateSimulatedEstate().hosts) expect(host.name).toMatch(/^(lb|web|cache|db|mq)-(eu|us|ap)-\d{2,}$/);
  });

  it("gives each host its primary template first and Base OS second, with matching host group and keywords", () => {
    const estate = generateSimulatedEstate();
    for (const host of estate.hosts) {
      const [primary, base] = host.hostTemplates;
      expect(host.hostTemplates).toHaveLength(2);
      expect(primary.priority).toBe(1);
      expect(base).toEqual({ name: BASE_TEMPLATE, priority: 2 });
      const template = TEMPLATES.find((candidate) => candidate.name === primary.name);
      expect(template).toBeDefined();
      expect(host.hostGroups).toEqual([expect.stringMatching(new RegExp(`^Production / (EU|US|APAC) / ${primary.name}$`))]);
      expect(host.keywords).toEqual(expect.arrayContaining(["production", template?.prefix]));
    }
  });

  it("contributes the template's own checks from the template and CPU, Memory, Disk, SSH from Base OS", () => {
    const estate = generateSimulatedEstate({ hosts: 60 });
    for (const host of estate.hosts) {
      const template = TEMPLATES.find((candidate) => candidate.name === host.hostTemplates[0].name);
      const checks = estate.serviceChecks.filter((check) => check.host === host.name);
      expect(checks.filter((check) => check.hostTemplates[0] === host.hostTemplates[0].name).map((check) => check.name)).toEqual(
        template?.checks,
      );
      expect(checks.filter((check) => check.hostTemplates[0] === BASE_TEMPLATE).map((check) => check.name)).toEqual([...BASE_CHECKS]);
    }
  });

  it("uses every host template and gives every check an OK output", () => {
    const estate = generateSimulatedEstate();
    expect(new Set(estate.components.map((component) => component.hostTemplate))).toEqual(
      new Set(TEMPLATES.map((template) => template.name)),
    );
    for (const check of estate.serviceChecks) expect(check.output).toMatch(/\bOK\b/);
  });

  it("puts every host in exactly one component", () => {
    const estate = generateSimulatedEstate();
    const members = estate.components.flatMap((component) => component.hosts);
    expect(members.toSorted()).toEqual(estate.hosts.map((host) => host.name).toSorted());
  });

  it("shares components between business services", () => {
    for (const seed of [1, 2, 3, 42]) {
      const services = generateSimulatedEstate({ seed }).businessServices;
      const uses = new Map<string, number>();
      for (const name of services.flatMap((service) => service.components)) uses.set(name, (uses.get(name) ?? 0) + 1);
      expect(Math.max(...uses.values())).toBeGreaterThanOrEqual(2);
    }
  });

  it("orders a service's components load balancer, web, cache, database, queue", () => {
    const estate = generateSimulatedEstate({ businessServices: 15 });
    const templateRank = new Map(TEMPLATES.map((template, index) => [template.name, index]));
    const templateOf = new Map(estate.components.map((component) => [component.name, component.hostTemplate]));
    for (const service of estate.businessServices) {
      const ranks = service.components.map((name) => templateRank.get(templateOf.get(name) ?? "") ?? -1);
      expect(ranks, service.name).toEqual(ranks.toSorted((a, b) => a - b));
    }
  });

  it("always offers the core business services", () => {
    const names = generateSimulatedEstate({ seed: 3, businessServices: 5 }).businessServices.map((service) => service.name);
    expect(names).toEqual(["Online shop", "Payment API", "Customer portal", "Search", "Email delivery"]);
  });

  it("rejects sizes out of range with a one-line message", () => {
    expect(() => generateSimulatedEstate({ hosts: 10 })).toThrow("Invalid simulated source settings: hosts must be between 20 and 5000");
    expect(() => generateSimulatedEstate({ businessServices: 16 })).toThrow(
      "Invalid simulated source settings: businessServices must be between 5 and 15",
    );
  });

  it("offers the configuration part on its own", () => {
    const { components, businessServices } = generateSimulatedEstate({ seed: 9 });
    expect(simulatedBsmConfiguration({ seed: 9 })).toEqual({ components, businessServices });
  });
});

describe("apportionHosts", () => {
  it.each([
    { total: 10, shares: [{ weight: 1, min: 1, max: Infinity }, { weight: 1, min: 1, max: Infinity }], expected: [5, 5] },
    { total: 8, shares: [{ weight: 3, min: 1, max: Infinity }, { weight: 1, min: 1, max: Infinity }], expected: [6, 2] },
    { total: 10, shares: [{ weight: 9, min: 2, max: 4 }, { weight: 1, min: 2, max: Infinity }], expected: [4, 6] },
    { total: 3, shares: [{ weight: 1, min: 2, max: 4 }, { weight: 1, min: 2, max: 4 }], expected: [2, 1] },
    { total: 9, shares: [{ weight: 1, min: 2, max: 3 }, { weight: 1, min: 2, max: 3 }], expected: [5, 4] },
  ])("splits $total hosts by weight within the limits: $expected", ({ total, shares, expected }) => {
    expect(apportionHosts(total, shares)).toEqual(expected);
  });

  it("refuses more components than hosts", () => {
    expect(() => apportionHosts(1, [{ weight: 1, min: 1, max: 1 }, { weight: 1, min: 1, max: 1 }])).toThrow(RangeError);
  });
});
