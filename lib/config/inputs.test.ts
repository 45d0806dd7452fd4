import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../errors/testing";
import { businessServiceInput, componentInput, parseInput } from "./inputs";

const parse = async (schema: Parameters<typeof parseInput>[0], raw: unknown) => fieldErrorsOf(Promise.resolve().then(() => parseInput(schema, raw)));
const good = { name: "Web servers", hostTemplateId: 1, hostIds: [1, 2, 3], requiredOnline: 3 };

describe("configuration input messages are plain language, never zod's schema text or a field's internal name", () => {
  it.each<[string, unknown, Record<string, string>]>([
    ["a blank name", { ...good, name: "  " }, { name: "Enter a name" }],
    ["a name over 100 characters", { ...good, name: "x".repeat(101) }, { name: "Name must be at most 100 characters" }],
    ["no host template chosen", { ...good, hostTemplateId: 0 }, { hostTemplateId: "Choose a host template" }],
    ["no hosts", { ...good, hostIds: [], requiredOnline: 0 }, { hostIds: "Choose at least one host" }],
    ["a host twice", { ...good, hostIds: [1, 1], requiredOnline: 1 }, { hostIds: "The same host is chosen twice" }],
    ["a host id that is not one", { ...good, hostIds: [1, -4], requiredOnline: 1 }, { hostIds: "One of the hosts is not valid" }],
    ["required online above the host count", { ...good, requiredOnline: 4 }, { requiredOnline: "Required online must be between 0 and the number of hosts (3)" }],
    ["required online below 0", { ...good, requiredOnline: -1 }, { requiredOnline: "Required online must be between 0 and the number of hosts (3)" }],
    ["required online not whole", { ...good, requiredOnline: 1.5 }, { requiredOnline: "Required online must be a whole number" }],
    ["required online as text", { ...good, requiredOnline: "2" }, { requiredOnline: "Required online must be a number" }],
    ["required online missing", { name: "Web", hostTemplateId: 1, hostIds: [1] }, { requiredOnline: "Required online is missing" }],
    ["not an object", "Web servers", { input: "The input must be a set of fields" }],
    ["the template by id and by name", { ...good, hostTemplate: "Web" }, { hostTemplate: "Give hostTemplateId or hostTemplate, not both" }],
    ["the hosts by id and by name", { ...good, hosts: ["a", "b", "c"] }, { hosts: "Give hostIds or hosts, not both" }],
    ["hosts beside a membership rule", { name: "Web", hostTemplate: "Web", ruleNamePattern: "web-*", hosts: ["a"], requiredOnline: 0 }, { hosts: "Leave the hosts out: the membership rule chooses them" }],
    ["a name pattern over 200 characters", { name: "Web", hostTemplate: "Web", ruleNamePattern: "w".repeat(201), requiredOnline: 0 }, { ruleNamePattern: "Name pattern must be at most 200 characters" }],
    ["a host group that is not text", { name: "Web", hostTemplate: "Web", ruleHostGroup: 5, requiredOnline: 0 }, { ruleHostGroup: "Host group must be text" }],
    ["a rule with required online below 0", { name: "Web", hostTemplate: "Web", ruleHostGroup: "eu", requiredOnline: -1 }, { requiredOnline: "Required online cannot be negative" }],
    ["a host named twice", { name: "Web", hostTemplate: "Web", hosts: ["a", "a"], requiredOnline: 1 }, { hosts: "The same host is chosen twice" }],
    ["a blank host name", { name: "Web", hostTemplate: "Web", hosts: ["a", " "], requiredOnline: 1 }, { hosts: "One of the hosts is not valid" }],
    ["required online above the named hosts", { name: "Web", hostTemplate: "Web", hosts: ["a"], requiredOnline: 2 }, { requiredOnline: "Required online must be between 0 and the number of hosts (1)" }],
    ["notes over 2000 characters", { ...good, notes: "x".repeat(2001) }, { notes: "Notes must be at most 2000 characters" }],
    ["notes that are not text", { ...good, notes: 5 }, { notes: "Notes must be text" }],
  ])("component: %s", async (_case, raw, expected) => {
    expect(await parse(componentInput, raw)).toEqual(expected);
  });

  it("business service: a component twice, and components that are not a list", async () => {
    expect(await parse(businessServiceInput, { name: "Shop", componentIds: [4, 4] })).toEqual({ componentIds: "The same component is chosen twice" });
    expect(await parse(businessServiceInput, { name: "Shop", componentIds: "4" })).toEqual({ componentIds: "Components must be a list" });
  });

  it("business service: components by id or by name, exactly one of them", async () => {
    expect(await parse(businessServiceInput, { name: "Shop" })).toEqual({ componentIds: "Components is missing" });
    expect(await parse(businessServiceInput, { name: "Shop", componentIds: [4], components: ["Db"] })).toEqual({ components: "Give componentIds or components, not both" });
    expect(await parse(businessServiceInput, { name: "Shop", components: ["Db", "Db"] })).toEqual({ components: "The same component is chosen twice" });
    expect(parseInput(businessServiceInput, { name: "Shop", components: ["Db", "Web"], notes: "Call ops\n  first" })).toEqual({
      name: "Shop",
      components: ["Db", "Web"],
      notes: "Call ops\n  first",
    });
  });

  it("accepts good input, and required online 0 (always operational, as the status rules allow)", () => {
    expect(parseInput(componentInput, good)).toEqual(good);
    expect(parseInput(componentInput, { ...good, requiredOnline: 0 }).requiredOnline).toBe(0);
  });

  it("accepts the template and hosts by name, and notes kept as typed (whitespace and all)", () => {
    const byName = { name: "Web servers", hostTemplate: "Web", hosts: ["web-eu-1", "web-us-1"], requiredOnline: 1, notes: "  Runbook:\n\tcall ops  " };
    expect(parseInput(componentInput, byName)).toEqual(byName);
  });
});
