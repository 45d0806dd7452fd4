import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { IdoReader } from "./icinga-testbed";

/**
 * The Icinga Web 2 Business Process module (Debian's icingaweb2-module-businessprocess), the peer
 * the benchmarks measure against: a configuration directory of its own (ICINGAWEB_CONFIGDIR, so
 * nothing under /etc is touched) reading an IDO, one process file, and `icingacli businessprocess
 * process check` as the evaluation. See shared/design/icinga-testbed.md, "The Business Process module".
 */

const ICINGACLI = process.env.ICINGACLI ?? "/usr/bin/icingacli";
const MODULE_PATH = "/usr/share/icingaweb2/modules";
const TIME = "/usr/bin/time";

export interface ProcessComponent {
  /** A node name: letters, digits, `_` and `-`. */
  node: string;
  hosts: string[];
  requiredOnline: number;
}

export interface ProcessService {
  node: string;
  components: string[];
}

export interface ProcessDefinition {
  title: string;
  /** The services every host has; a host node is the worst of them (BSM ignores the host check). */
  servicesPerHost: string[];
  components: ProcessComponent[];
  businessServices: ProcessService[];
  /** The top node, the worst of every business service. */
  topNode: string;
}

/** Icinga's states as the module's check exits with them. */
export const CHECK_STATES = ["OK", "WARNING", "CRITICAL", "UNKNOWN"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export interface CheckRun {
  state: CheckState;
  output: string;
  wallMs: number;
  /** Maximum resident set of the icingacli process, from /usr/bin/time -v. */
  maxRssKb: number;
}

export interface BusinessProcessModule {
  configDir: string;
  /** Evaluates one node of the process file (loading all of it, as the module does). */
  check(node: string, options?: { details?: boolean }): Promise<CheckRun>;
  /** Deletes the configuration directory. */
  remove(): void;
}

const hostNode = (host: string) => `h_${host}`;

/** The process file: host nodes (`&` of their services), "R of:" components, `&` services and a displayed top node. */
export function businessProcessFile(definition: ProcessDefinition): string {
  const hosts = new Set(definition.components.flatMap((component) => component.hosts));
  return [
    "### Business Process Config File ###",
    "#",
    `# Title           : ${definition.title}`,
    "# Backend         : icinga",
    "# Statetype       : soft",
    "#",
    "###################################",
    "",
    ...[...hosts].map((host) => `${hostNode(host)} = ${definition.servicesPerHost.map((service) => `${host};${service}`).join(" & ")}`),
    ...definition.components.map((component) => `${component.node} = ${component.requiredOnline} of: ${component.hosts.map(hostNode).join(" + ")}`),
    ...definition.businessServices.map((service) => `${service.node} = ${service.components.join(" & ")}`),
    `${definition.topNode} = ${definition.businessServices.map((service) => service.node).join(" & ")}`,
    `display 1;${definition.topNode};${definition.title}`,
    "",
  ].join("\n");
}

/**
 * The states `check --details` prints for the nodes of its problem tree ("  7 of: [CRITICAL] comp_1"):
 * every node not OK under the checked one. A node it does not name is OK.
 */
export function parseProblemTree(output: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const line of output.split("\n")) {
    const match = /^\s*\S.*? \[([A-Z]+)\] (\S+)$/.exec(line);
    if (match) states.set(match[2], match[1]);
  }
  return states;
}

/** The peak resident set /usr/bin/time -v reports, in kB. */
export function maxResidentKb(timeReport: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  if (!match) throw new Error(`no maximum resident set size in: ${timeReport.slice(-300)}`);
  return Number(match[1]);
}

function iniFile(sections: Record<string, Record<string, string | number>>): string {
  return Object.entries(sections)
    .map(([section, values]) => `[${section}]\n${Object.entries(values).map(([key, value]) => `${key} = ${JSON.stringify(String(value))}`).join("\n")}\n`)
    .join("\n");
}

/** Writes the module's configuration for the IDO and the process file `processName`, and enables the modules. */
export async function setUpBusinessProcessModule(ido: IdoReader, processName: string, processFile: string): Promise<BusinessProcessModule> {
  for (const needed of [ICINGACLI, path.join(MODULE_PATH, "businessprocess"), TIME]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: install icingacli and icingaweb2-module-businessprocess (scripts/ensure-system-packages.sh, as root)`);
  }
  const configDir = mkdtempSync(path.join(tmpdir(), "bsm-businessprocess-"));
  const environment = { ...process.env, ICINGAWEB_CONFIGDIR: configDir };
  const processes = path.join(configDir, "modules", "businessprocess", "processes");
  mkdirSync(processes, { recursive: true });
  mkdirSync(path.join(configDir, "modules", "monitoring"), { recursive: true });
  writeFileSync(
    path.join(configDir, "config.ini"),
    iniFile({ global: { config_backend: "ini", module_path: MODULE_PATH }, logging: { log: "file", level: "ERROR", file: path.join(configDir, "icingaweb2.log") } }),
  );
  writeFileSync(
    path.join(configDir, "resources.ini"),
    iniFile({ icinga_ido: { type: "db", db: "mysql", host: ido.host, port: ido.port, dbname: ido.database, username: ido.user, password: ido.password, charset: "utf8" } }),
  );
  writeFileSync(path.join(configDir, "modules", "monitoring", "backends.ini"), iniFile({ icinga: { type: "ido", resource: "icinga_ido" } }));
  writeFileSync(path.join(processes, `${processName}.conf`), processFile);
  try {
    for (const name of ["monitoring", "businessprocess"]) await promisify(execFile)(ICINGACLI, ["module", "enable", name], { env: environment });
  } catch (error) {
    rmSync(configDir, { recursive: true, force: true });
    throw error;
  }

  const check: BusinessProcessModule["check"] = (node, { details = false } = {}) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const args = ["-v", ICINGACLI, "businessprocess", "process", "check", node, "--config", processName, ...(details ? ["--details"] : [])];
      const child = spawn(TIME, args, { env: environment, stdio: ["ignore", "pipe", "pipe"] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        const wallMs = performance.now() - started;
        const output = Buffer.concat(stdout).toString("utf8");
        const report = Buffer.concat(stderr).toString("utf8");
        const state = CHECK_STATES[code ?? -1];
        if (state === undefined || !output.startsWith("Business Process ")) {
          reject(new Error(`icingacli businessprocess process check ${node} exited with ${code}: ${output.slice(0, 300)} ${report.slice(0, 600)}`));
          return;
        }
        resolve({ state, output, wallMs, maxRssKb: maxResidentKb(report) });
      });
    });

  return { configDir, check, remove: () => rmSync(configDir, { recursive: true, force: true }) };
}
