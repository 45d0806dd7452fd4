import { spawn } from "node:child_process";

import { BoundedBuffer, createFailedAttempt, describeError, type MethodAttempt } from "./result";

export interface CommandMethodConfig {
  /** Program and arguments; never passed through a shell. */
  argv: readonly string[];
  timeoutMs: number;
  /** Per stream; default 64 KiB. */
  maxOutputBytes?: number;
  /** Between SIGTERM and SIGKILL on timeout; default 2 s. */
  killGraceMs?: number;
  cwd?: string;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
const DEFAULT_KILL_GRACE_MS = 2_000;

/** The few variables worth inheriting from the server, so secrets in its environment stay out of scripts. */
const INHERITED_VARIABLES = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER", "LOGNAME", "SHELL"];

export function pickInheritedEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of INHERITED_VARIABLES) {
    const value = environment[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Runs the command in its own process group with exactly `environment`; on timeout the
 * whole group gets SIGTERM, then SIGKILL. Resolves, never rejects.
 */
export function runCommand(config: CommandMethodConfig, environment: Record<string, string>): Promise<MethodAttempt> {
  const started = Date.now();
  const [program, ...args] = config.argv;
  if (program === undefined || program === "") {
    return Promise.resolve(createFailedAttempt("the command is empty", false));
  }
  const maxOutputBytes = config.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const killGraceMs = config.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

  return new Promise((resolve) => {
    const output = new BoundedBuffer(maxOutputBytes);
    const errorOutput = new BoundedBuffer(maxOutputBytes);
    let timedOut = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const child = spawn(program, args, {
      // Next.js declares NODE_ENV required on ProcessEnv; a script must not inherit it by accident.
      env: environment as NodeJS.ProcessEnv,
      cwd: config.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.append(chunk));
    child.stderr.on("data", (chunk: Buffer) => errorOutput.append(chunk));

    const finish = (attempt: Omit<MethodAttempt, "output" | "errorOutput" | "durationMs">) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        ...attempt,
        output: output.toString(),
        errorOutput: errorOutput.toString(),
        durationMs: Date.now() - started,
      });
    };

    child.on("error", (error) => {
      finish({
        ok: false,
        retryable: false,
        exitCode: null,
        signal: null,
        timedOut,
        error: `cannot run ${program}: ${describeError(error)}`,
      });
    });

    const completeWith = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      const ok = exitCode === 0 && !timedOut;
      let error: string | null = null;
      if (timedOut) error = `timed out after ${config.timeoutMs} ms`;
      else if (signal !== null) error = `killed by ${signal}`;
      else if (exitCode !== 0) error = `exited with code ${exitCode}`;
      finish({ ok, retryable: !ok, exitCode, signal, timedOut, error });
    };

    child.on("close", completeWith);
    const timeLimit = setTimeout(() => {
      timedOut = true;
      if (child.pid === undefined) return;
      const pid = child.pid;
      signalGroup(pid, "SIGTERM");
      timers.push(setTimeout(() => signalGroup(pid, "SIGKILL"), killGraceMs));
    }, config.timeoutMs);
    timers.push(timeLimit);

    // A background child may hold the pipes open after the script exits; do not wait for it forever.
    child.on("exit", (exitCode, signal) => {
      if (!timedOut) clearTimeout(timeLimit);
      timers.push(setTimeout(() => completeWith(exitCode, signal), killGraceMs));
    });
  });
}

/**
 * Splits an administrator's command line (`notify_via_nagios "by pigeons"`) into words: quotes
 * group, backslash escapes outside single quotes, no other shell syntax. Null on an open quote.
 */
export function splitCommandLine(commandLine: string): string[] | null {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < commandLine.length; index += 1) {
    const character = commandLine[index];
    if (quote === "'") {
      if (character === "'") quote = null;
      else word += character;
    } else if (character === "\\" && index + 1 < commandLine.length) {
      index += 1;
      word += commandLine[index];
      inWord = true;
    } else if (quote === '"') {
      if (character === '"') quote = null;
      else word += character;
    } else if (character === "'" || character === '"') {
      quote = character;
      inWord = true;
    } else if (/\s/.test(character)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += character;
      inWord = true;
    }
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words;
}
