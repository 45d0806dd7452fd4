import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const examplePath = path.join(root, "lib/bsm/fixtures/design-example.json");
const expected = JSON.parse(readFileSync(path.join(root, "lib/bsm/fixtures/design-example.expected.json"), "utf8"));

// Each run starts Node with tsx: 0.8-1.5 s here (load 2-4). A hung run is stopped well inside the
// test's budget, so the failure names the child's timeout rather than Vitest's.
const CLI_RUN_TIMEOUT_MS = 30_000;
const CLI_TEST_BUDGET_MS = CLI_RUN_TIMEOUT_MS + 15_000;

/** The real command, as `npm run bsm:eval` runs it (tsx), without npm's own start-up. */
function bsmEval(args: string[], stdin?: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bsm-eval.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: CLI_RUN_TIMEOUT_MS,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run bsm:eval", { timeout: CLI_TEST_BUDGET_MS }, () => {
  it("prints the output of docs/status-rules.md §8 for its example (FILE)", () => {
    const run = bsmEval([examplePath]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(["hosts", "components", "businessServices", "summaryOrder"]);
    // docs/status-rules.md §8 shows only web1 of the three component hosts.
    expect(output.hosts).toHaveLength(3);
    expect(output.hosts[0]).toEqual(expected.hosts[0]);
    expect(output.components).toEqual(expected.components);
    expect(output.businessServices).toEqual(expected.businessServices);
    expect(output.summaryOrder).toEqual(expected.summaryOrder);
  });

  it("reads stdin when FILE is -", () => {
    const run = bsmEval(["-"], readFileSync(examplePath, "utf8"));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).components).toEqual(expected.components);
  });

  it("exits 2 with one line on stderr naming the first bad field", () => {
    const input = JSON.parse(readFileSync(examplePath, "utf8"));
    input.components[0].requiredOnline = 4;
    const run = bsmEval(["-"], JSON.stringify(input));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("components[0].requiredOnline: must be an integer between 0 and 3\n");
  });

  it("exits 2 with one line on stderr for a bad window", () => {
    const input = JSON.parse(readFileSync(examplePath, "utf8"));
    input.window = { from: 1_763_800_000, to: 1_763_700_000 };
    const run = bsmEval(["-"], JSON.stringify(input));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("window.to: must be after from\n");
  });

  it("gives availability over a window given in epoch seconds", () => {
    const input = JSON.parse(readFileSync(examplePath, "utf8"));
    // 11:30 to 12:00: web1 CRITICAL from 11:45, half the window.
    input.window = { from: Date.parse("2026-11-22T11:30:00Z") / 1000, to: Date.parse("2026-11-22T12:00:00Z") / 1000 };
    const run = bsmEval(["-"], JSON.stringify(input));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).hosts[0].availability).toBe(50);
  });

  it("exits 2 with one line on stderr for input that is not JSON", () => {
    const run = bsmEval(["-"], "{ not json");
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^input: not valid JSON/);
  });
});
