import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repositoryRoot = path.resolve(import.meta.dirname, "..");
const workDirectory = mkdtempSync(path.join(tmpdir(), "dve-reflect-"));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

// Each run starts Node with tsx: 0.9-1.4 s here (load 2-4); one test runs the CLI twice. A hung run
// is stopped well inside the test's budget, so the failure names the child's timeout rather than Vitest's.
const CLI_RUN_TIMEOUT_MS = 30_000;
const CLI_TEST_BUDGET_MS = 2 * CLI_RUN_TIMEOUT_MS + 15_000;

function runCli(file: string | string[], stdin = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/dve-reflect.ts", ...[file].flat()], {
    cwd: repositoryRoot,
    input: stdin,
    encoding: "utf8",
    timeout: CLI_RUN_TIMEOUT_MS,
  });
  if (result.error) throw result.error;
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeInput(name: string, content: string): string {
  const file = path.join(workDirectory, name);
  writeFileSync(file, content);
  return file;
}

const designPageExample = `{
  "mode": "MANUAL",
  "exportSettings": {"Linux": "ON", "Windows": "OFF", "Network": "NA"},
  "previous": [{"host": "web1", "type": "Linux", "exportEnabled": true, "elementExists": true}],
  "current":  [{"host": "web1", "type": "Windows"}, {"host": "sw1", "type": "Cisco"}],
  "exportEnabled": {"sw1": false}
}`;

const designPageResult = {
  hosts: [
    { host: "web1", status: "Changed", elementExists: false, actions: ["delete"], pending: false },
    { host: "sw1", status: "Detected", elementExists: false, actions: [], pending: false },
  ],
};

describe("dve:reflect CLI", { timeout: CLI_TEST_BUDGET_MS }, () => {
  it("reflects the example of docs/connector-rules.md §8 read from a file", () => {
    const { exitCode, stdout, stderr } = runCli(writeInput("example.json", designPageExample));
    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(designPageResult, null, 2)}\n`);
  });

  it("reads the input from stdin when FILE is -", () => {
    const { exitCode, stdout } = runCli("-", designPageExample);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual(designPageResult);
  });

  it("exits 2 with one line naming the bad field for an unknown mode", () => {
    const file = writeInput("bad-mode.json", designPageExample.replace('"MANUAL"', '"EVENTUALLY"'));
    const { exitCode, stdout, stderr } = runCli(file);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("mode: must be one of MANUAL, SEMI_AUTOMATIC, AUTOMATIC\n");
  });

  it("exits 2 with one line naming the bad field of a host read from stdin", () => {
    const { exitCode, stderr } = runCli("-", designPageExample.replace('"exportEnabled": true', '"exportEnabled": "yes"'));
    expect(exitCode).toBe(2);
    expect(stderr).toBe("previous[0].exportEnabled: must be true or false\n");
  });

  it("exits 2 with one line for text that is not JSON", () => {
    const { exitCode, stderr } = runCli("-", "{ not json");
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^input: must be valid JSON \(.*\)\n$/);
  });

  it("exits 2 with one line for a file that cannot be read", () => {
    const { exitCode, stderr } = runCli(path.join(workDirectory, "missing.json"));
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^FILE: cannot read .*missing\.json \(.*\)\n$/);
  });

  it("exits 2 with one usage line when FILE is missing or followed by more arguments", () => {
    for (const args of [[], ["-", "extra"]]) {
      const { exitCode, stderr } = runCli(args);
      expect(exitCode).toBe(2);
      expect(stderr).toMatch(/^usage: .*FILE.*\n$/);
    }
  });
});
