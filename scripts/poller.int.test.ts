import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const workDir = mkdtempSync(path.join(tmpdir(), "bsm-poller-script-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The command `npm run poller` runs, exactly as package.json says. */
function pollerCommand(): string {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return scripts.poller;
}

describe("npm run poller", () => {
  it("polls, logging each cycle's cost, and stops on SIGTERM", async () => {
    const child = spawn("sh", ["-c", `exec ${pollerCommand()}`], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `pglite:${path.join(workDir, "pglite")}`,
        BSM_SECRET_KEY: "poller-script-test-key-0123456789abcdef",
        BSM_SOURCE: "simulated",
        BSM_SOURCE_SETTINGS: JSON.stringify({ hosts: 20, businessServices: 5 }),
        BSM_POLL_INTERVAL_SECONDS: "1",
        BSM_LOG_FORMAT: "json",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // Its log lines (BSM_LOG_FORMAT=json): the poller's messages, one per line. Output arrives in chunks,
    // so the last line may be only partly written: only whole lines are read.
    const messages = () =>
      output
        .split("\n")
        .slice(0, -1)
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { component: string; msg: string })
        .filter((record) => record.component === "poller")
        .map((record) => record.msg)
        .join("\n");
    const deadline = Date.now() + 50_000;
    while (!/^Poll: changes, /m.test(messages()) && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(messages()).toMatch(/^Poller started: simulated estate: 20 hosts/m);
    expect(messages()).toMatch(/^Poll: full, \d+ checks written, \d+ status changes?, read \d+ ms, evaluate \d+ ms, store \d+ ms$/m);
    expect(messages()).toMatch(/^Poll: changes, /m);
  }, 90_000);
});
