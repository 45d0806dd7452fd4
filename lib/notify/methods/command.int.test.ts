import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { NotificationContext } from "../environment";
import { SHOP_CONTEXT } from "../test-support";
import { runCommand } from "./command";
import { deliverNotification, locateNotifyViaNagios, type MethodConfig } from "./deliver";

const INHERITED = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const FAST_RETRIES = { maxAttempts: 2, initialDelayMs: 10, backoffFactor: 2, maxDelayMs: 50 };
/** What sh itself may add to the environment it passes on. */
const SHELL_VARIABLES = new Set(["PWD", "SHLVL", "_", "OLDPWD"]);

let directory: string;

async function writeScript(name: string, body: string): Promise<string> {
  const file = path.join(directory, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

async function readEnvironmentDump(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, "utf8");
  const entries = text
    .split("\0")
    .filter((entry) => entry !== "")
    .map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]);
  return Object.fromEntries(entries);
}

function pickPrefixed(environment: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => name.startsWith(prefix)));
}

let dumpScript: string;
let dumpCount = 0;

async function runDump(context: NotificationContext, viaNagios = false): Promise<Record<string, string>> {
  dumpCount += 1;
  const dumpFile = path.join(directory, `environment-${dumpCount}`);
  const argv = viaNagios ? [locateNotifyViaNagios(), dumpScript, dumpFile] : [dumpScript, dumpFile];
  const method: MethodConfig = { kind: "command", argv, timeoutMs: 10_000 };
  const result = await deliverNotification(method, context, { inheritedEnvironment: INHERITED });
  expect(result).toMatchObject({ status: "ok", attempts: 1, exitCode: 0, error: null });
  return readEnvironmentDump(dumpFile);
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "notify-command-"));
  dumpScript = await writeScript("dump-environment", 'env -0 > "$1"');
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const EXPECTED_OPSVIEW = {
  OPSVIEW_OBJECTTYPE: "BSMService",
  OPSVIEW_NAME: "Shop",
  OPSVIEW_ID: "shop",
  OPSVIEW_NOTES: "Call ops & check the runbook",
  OPSVIEW_TIMET: "1390201823",
  OPSVIEW_SHORTDATETIME: "2014-01-20T07:10:23",
  OPSVIEW_LONGDATETIME: "Mon Jan 20 07:10:23 GMT 2014",
  OPSVIEW_NOTIFICATIONTYPE: "PROBLEM",
  OPSVIEW_AVAILABILITY: "98.96",
  OPSVIEW_AVAILABILITY_THRESHOLD: "99.5",
  OPSVIEW_STATE: "OFFLINE",
  OPSVIEW_STATETEXT: "offline",
  OPSVIEW_NOTIFICATIONNUMBER: "2",
  OPSVIEW_OUTPUT: "PROBLEM: 2 of 3 components failed, 1 of 3 impacted: BSMService Shop is offline, 98.96% availability",
  OPSVIEW_DETAIL: "Web servers: FAILED\nDatabases: FAILED\nPayments: IMPACTED",
  OPSVIEW_CONTACTNAME: "alice",
  OPSVIEW_CONTACTEMAIL: "alice@example.test",
  OPSVIEW_CONTACTPAGER: "",
  OPSVIEW_CONTACT_PUSHOVER_KEY: "k1",
  OPSVIEW_CONTACT_MISSING: "",
  OPSVIEW_NM_URL: "https://example.test",
  OPSVIEW_NM_API_TOKEN: "t",
};

describe("command method", () => {
  it("runs the script with every OPSVIEW_* variable and nothing of the server's own environment", async () => {
    const environment = await runDump(SHOP_CONTEXT);
    expect(pickPrefixed(environment, "OPSVIEW_")).toEqual(EXPECTED_OPSVIEW);
    const others = Object.keys(environment).filter((name) => !name.startsWith("OPSVIEW_") && !SHELL_VARIABLES.has(name));
    expect(others).toEqual(["PATH"]);
  });

  it("passes data as values, never through a shell", async () => {
    const marker = path.join(directory, "injected");
    const name = `Shop"; touch ${marker}; echo "$(touch ${marker})\`touch ${marker}\``;
    const environment = await runDump({ ...SHOP_CONTEXT, object: { ...SHOP_CONTEXT.object, name } });
    expect(environment.OPSVIEW_NAME).toBe(name);
    expect(existsSync(marker)).toBe(false);
  });

  it("captures exit code, output and errors, retrying a failing script a bounded number of times", async () => {
    const counter = path.join(directory, "runs");
    const script = await writeScript("failing", `echo run >> "${counter}"; echo out; echo err >&2; exit 3`);
    const result = await deliverNotification(
      { kind: "command", argv: [script], timeoutMs: 10_000 },
      SHOP_CONTEXT,
      { inheritedEnvironment: INHERITED, retryPolicy: FAST_RETRIES },
    );
    expect(result).toMatchObject({
      status: "failed",
      attempts: 2,
      exitCode: 3,
      output: "out\n",
      errorOutput: "err\n",
      error: "exited with code 3",
    });
    expect(await readFile(counter, "utf8")).toBe("run\nrun\n");
  });

  it("bounds the captured output", async () => {
    const script = await writeScript("chatty", "yes | head -c 1000000");
    const result = await runCommand({ argv: [script], timeoutMs: 10_000, maxOutputBytes: 1_000 }, INHERITED);
    expect(result.ok).toBe(true);
    expect(result.output.length).toBeLessThan(1_100);
    expect(result.output.endsWith("[output truncated]")).toBe(true);
  });

  it("does not retry a program that cannot be started", async () => {
    const result = await deliverNotification(
      { kind: "command", argv: [path.join(directory, "missing")], timeoutMs: 1_000 },
      SHOP_CONTEXT,
      { inheritedEnvironment: INHERITED, retryPolicy: FAST_RETRIES },
    );
    expect(result.status).toBe("failed");
    expect(result.attempts).toBe(1);
    expect(result.error).toMatch(/^cannot run .*ENOENT/);
  });
});

/** A killed process stays a zombie until its new parent reaps it; that counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

describe("command time limit", () => {
  it.each([
    ["a script that sleeps is killed with its children", ""],
    ["a script that ignores SIGTERM is killed with SIGKILL", "trap '' TERM"],
  ])("%s", async (_name, prelude) => {
    const pidFile = path.join(directory, `sleeper-${prelude === "" ? "term" : "kill"}`);
    const script = await writeScript(`sleeper-${prelude === "" ? "term" : "kill"}`, `${prelude}\nsleep 30 &\necho $! > "${pidFile}"\nwait`);
    const started = Date.now();
    const result = await runCommand({ argv: [script], timeoutMs: 500, killGraceMs: 300 }, INHERITED);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ ok: false, timedOut: true, retryable: true, error: "timed out after 500 ms" });
    const sleeperPid = Number(await readFile(pidFile, "utf8"));
    await expect.poll(() => isRunning(sleeperPid), { timeout: 2_000 }).toBe(false);
  });
});

describe("command completion", () => {
  it("does not wait for a background child that keeps the output open after the script exits", async () => {
    const pidFile = path.join(directory, "background");
    const script = await writeScript("background", `sleep 30 &\necho $! > "${pidFile}"\necho started`);
    const result = await runCommand({ argv: [script], timeoutMs: 10_000, killGraceMs: 200 }, INHERITED);
    const backgroundPid = Number(await readFile(pidFile, "utf8"));
    process.kill(backgroundPid, "SIGKILL");
    expect(result).toMatchObject({ ok: true, exitCode: 0, timedOut: false, output: "started\n" });
    expect(result.durationMs).toBeLessThan(5_000);
  });
});

describe("notify_via_nagios", () => {
  it("maps OPSVIEW_* to the NAGIOS_* variables and keeps the OPSVIEW_* ones", async () => {
    const environment = await runDump(SHOP_CONTEXT, true);
    expect(pickPrefixed(environment, "NAGIOS_")).toEqual({
      NAGIOS_NOTIFICATIONTYPE: "PROBLEM",
      NAGIOS_SERVICESTATE: "CRITICAL",
      NAGIOS_SERVICESTATEID: "2",
      NAGIOS_SERVICESTATETYPE: "HARD",
      NAGIOS_HOSTNAME: "Shop",
      NAGIOS_HOSTALIAS: "Shop",
      NAGIOS_HOSTSTATE: "UP",
      NAGIOS_HOSTSTATEID: "0",
      NAGIOS_SERVICEDESC: "BSMService",
      NAGIOS_SERVICEOUTPUT: EXPECTED_OPSVIEW.OPSVIEW_OUTPUT,
      NAGIOS_LONGSERVICEOUTPUT: EXPECTED_OPSVIEW.OPSVIEW_DETAIL,
      NAGIOS_SERVICENOTES: "Call ops & check the runbook",
      NAGIOS_LONGDATETIME: "Mon Jan 20 07:10:23 GMT 2014",
      NAGIOS_SHORTDATETIME: "2014-01-20 07:10:23",
      NAGIOS_DATE: "2014-01-20",
      NAGIOS_TIME: "07:10:23",
      NAGIOS_TIMET: "1390201823",
      NAGIOS_NOTIFICATIONNUMBER: "2",
      NAGIOS_SERVICENOTIFICATIONNUMBER: "2",
      NAGIOS_CONTACTNAME: "alice",
      NAGIOS_CONTACTALIAS: "alice",
      NAGIOS_CONTACTEMAIL: "alice@example.test",
      NAGIOS_CONTACTPAGER: "",
      NAGIOS__CONTACTPUSHOVER_KEY: "k1",
      NAGIOS__CONTACTMISSING: "",
    });
    expect(pickPrefixed(environment, "OPSVIEW_")).toEqual(EXPECTED_OPSVIEW);
  });

  it.each([
    ["RECOVERY", "OPERATIONAL", "RECOVERY", "OK"],
    ["PROBLEM", "IMPACTED", "PROBLEM", "WARNING"],
    ["PROBLEM", "FAILED", "PROBLEM", "CRITICAL"],
    ["AVAILABILITY_BREACH", "OPERATIONAL", "PROBLEM", "WARNING"],
    ["AVAILABILITY_BREACH", "OFFLINE", "PROBLEM", "CRITICAL"],
    ["AVAILABILITY_RECOVERY", "DOWNTIME", "RECOVERY", "UNKNOWN"],
    ["BUDGET_BURN", "OPERATIONAL", "PROBLEM", "WARNING"],
    ["BUDGET_BURN", "FAILED", "PROBLEM", "CRITICAL"],
    ["BUDGET_RECOVERY", "OPERATIONAL", "RECOVERY", "OK"],
  ] as const)("%s %s becomes %s %s", async (type, state, nagiosType, nagiosState) => {
    const context = { ...SHOP_CONTEXT, notification: { ...SHOP_CONTEXT.notification, type, state } };
    const environment = await runDump(context, true);
    expect(environment.NAGIOS_NOTIFICATIONTYPE).toBe(nagiosType);
    expect(environment.NAGIOS_SERVICESTATE).toBe(nagiosState);
  });

  it("refuses to run without a script", async () => {
    const result = await runCommand({ argv: [locateNotifyViaNagios()], timeoutMs: 5_000 }, INHERITED);
    expect(result).toMatchObject({ ok: false, exitCode: 64 });
    expect(result.errorOutput).toContain("usage: notify_via_nagios");
  });
});
