import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importConfigDocument, systemDocumentContext, type ConfigDocument } from "@/lib/config/document";
import { seedSmallEstate } from "@/lib/config/testing";
import { CLI_RUN_TIMEOUT_MS, cliWorkspace } from "@/tests/support/cli-workspace";

const workspace = cliWorkspace("config-document-cli-");
const { workDirectory } = workspace;
afterAll(() => workspace.remove());
const runCli = (script: "config-export" | "config-import", args: string[], stdin = "") => workspace.run(script, args, stdin);
const withDatabase = workspace.withDatabase;

function writeInput(name: string, content: string): string {
  const file = path.join(workDirectory, name);
  writeFileSync(file, content);
  return file;
}

const seeded: ConfigDocument = {
  version: 1,
  components: [
    { name: "Db EU", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 1, notes: "" },
    { name: "Web", hostTemplate: "Web", hosts: ["web-eu-2", "web-eu-1", "web-us-1"], requiredOnline: 2, notes: "Runbook: wiki/web" },
  ],
  businessServices: [{ name: "Shop", components: ["Web", "Db EU"], notes: "" }],
};

describe("config:export and config:import", { timeout: 4 * CLI_RUN_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    await withDatabase(async (database) => {
      await database.migrate();
      await seedSmallEstate(database.prisma);
      await importConfigDocument(await systemDocumentContext(database.prisma), seeded);
    });
  }, 120_000);

  it("exports the configuration as JSON, or YAML with --yaml", () => {
    const json = runCli("config-export", []);
    expect(json.stderr).toBe("");
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(seeded);
    const yaml = runCli("config-export", ["--yaml"]);
    expect(yaml.exitCode).toBe(0);
    expect(yaml.stdout).toMatch(/^version: 1\ncomponents:\n {2}- name: Db EU\n/);
  });

  it("a dry run prints the plan and writes nothing; the import applies it, audited as the system; again, everything is unchanged", async () => {
    const changed: ConfigDocument = { ...seeded, components: [seeded.components[0]!, { ...seeded.components[1]!, requiredOnline: 1 }] };
    const file = writeInput("changed.json", JSON.stringify(changed));
    const dryRun = runCli("config-import", [file, "--dry-run"]);
    expect(dryRun.stderr).toBe("");
    expect(dryRun.exitCode).toBe(0);
    expect(dryRun.stdout).toBe(
      ["Components:", "  unchanged Db EU", "  update    Web", "Business services:", "  unchanged Shop", "0 to create, 1 to update, 0 to delete, 2 unchanged, 0 kept.", "Dry run: nothing was written.", ""].join("\n"),
    );
    expect(JSON.parse(runCli("config-export", []).stdout)).toEqual(seeded);

    const applied = runCli("config-import", [file]);
    expect(applied.exitCode).toBe(0);
    expect(applied.stdout).toMatch(/1 to update.*\nApplied\.\n$/);
    const again = runCli("config-import", ["-"], JSON.stringify(changed));
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/^0 to create, 0 to update, 0 to delete, 3 unchanged, 0 kept\.$/m);
    const audit = await withDatabase((database) => database.prisma.auditEntry.findMany({ where: { action: { in: ["component.update", "config.import"] } }, orderBy: { id: "asc" }, select: { action: true, userId: true, userEmail: true } }));
    // The first import is the set-up's own; the second run writes nothing.
    expect(audit).toEqual([
      { action: "config.import", userId: null, userEmail: "system (config:import)" },
      { action: "component.update", userId: null, userEmail: "system (config:import)" },
      { action: "config.import", userId: null, userEmail: "system (config:import)" },
    ]);
  });

  it("exits 2 with every problem on stderr and writes nothing", () => {
    const file = writeInput("problems.yaml", "version: 1\ncomponents:\n  - name: New\n    hostTemplate: Web\n    hosts: [web-9]\n    requiredOnline: 1\n");
    const result = runCli("config-import", [file, "--prune"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('components[0].hosts[0]: no monitored host is named "web-9"\nNothing was written: the document has problems.\n');
    expect(JSON.parse(runCli("config-export", []).stdout).components.map((component: { name: string }) => component.name)).toEqual(["Db EU", "Web"]);
  });

  it("with --business-process reads an Icinga Business Process file: the plan, then what is not imported; a file the module refuses exits 2", () => {
    const file = writeInput("shop.conf", "bp_web = 1 of: web-eu-1;Hoststatus + web-eu-2;Hoststatus\neither = web-eu-1;Hoststatus | web-us-1;Hoststatus\n");
    const dryRun = runCli("config-import", [file, "--business-process", "--dry-run"]);
    expect(dryRun.stderr).toBe("");
    expect(dryRun.exitCode).toBe(0);
    expect(dryRun.stdout).toMatch(/^ {2}create {4}bp_web$/m);
    expect(dryRun.stdout).toMatch(/\nNot imported:\n {2}line 2 either: \| \(OR, the best child's state\) has no counterpart.*\nDry run: nothing was written\.\n$/);
    const refused = runCli("config-import", ["-", "--business-process"], "a = x & y | z\n");
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/file: line 1: a mixes the operators/);
  });

  it.each<[string, string[], string, RegExp]>([
    ["no file", [], "", /^usage: npm run --silent config:import/],
    ["an unknown flag", ["x.json", "--force"], "", /^usage: /],
    ["a file that cannot be read", [path.join(workDirectory, "missing.json")], "", /^FILE: cannot read .*missing\.json/],
    ["text that is not JSON", ["-"], "{ version: ", /^the document is not valid JSON \(/],
    ["an invalid document", ["-"], '{ "version": 2 }', /^version: version must be 1\n/m],
  ])("exits 2 for %s", (_, args, stdin, message) => {
    const result = runCli("config-import", args, stdin);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
