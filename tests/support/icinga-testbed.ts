import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { RowDataPacket } from "mysql2/promise";
import { listenerOnPort, liveProcessesInGroup, startOnFreePort } from "./free-port";
import { startMariaDbServer, type MariaDbServer } from "./mariadb-server";

/**
 * A real Icinga 2 (Debian's icinga2 and icinga2-ido-mysql) with its IDO in a throwaway MariaDB, both
 * on 127.0.0.1 with their own directories under one temporary directory. Every check is passive
 * (check_command "dummy", active checks off, one attempt), so tests set states through the API.
 * See docs/sources.md §5.2.
 */

const ICINGA2 = process.env.ICINGA2 ?? "/usr/sbin/icinga2";
const IDO_SCHEMA = process.env.ICINGA2_IDO_SCHEMA ?? "/usr/share/icinga2-ido-mysql/schema/mysql.sql";
const NODE_NAME = "icinga-testbed";
/** A host the testbed adds to every estate: waitForIdo writes a marker result to its one service. */
export const MARKER_HOST = "bsm-testbed-marker";
const MARKER_SERVICE = "marker";
const QUERY_ONLY_USER = "bsm-query-only";

export interface IcingaHostTemplate {
  name: string;
  vars?: Record<string, string | string[]>;
}

export interface IcingaHost {
  name: string;
  /** Imported in this order. */
  templates: string[];
  groups?: string[];
  displayName?: string;
  address?: string;
  vars?: Record<string, string | string[]>;
  services: string[];
}

export interface IcingaEstate {
  hostTemplates: IcingaHostTemplate[];
  hostGroups: string[];
  /** Service groups and the services (by name, on every host) in each; a service may be in several. */
  serviceGroups?: { name: string; services: string[] }[];
  hosts: IcingaHost[];
}

export interface IcingaTestbedOptions {
  /** InnoDB buffer pool of the IDO's MariaDB; raise it for benchmark-sized estates. */
  bufferPoolSize?: string;
  startTimeoutMs?: number;
}

export interface IdoReader {
  host: "127.0.0.1";
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface IcingaTestbed {
  /** https://127.0.0.1:port */
  apiUrl: string;
  apiUser: string;
  apiPassword: string;
  /** An ApiUser that may query hosts and services but not open event streams (no events/* permission). */
  queryOnlyUser: { name: string; password: string };
  /** The CA that signed the API's certificate, and the name in that certificate. */
  caFile: string;
  certificateName: string;
  /** A user that may only SELECT from the IDO database. */
  ido: IdoReader;
  mariadb: MariaDbServer;
  /** The temporary directory holding every directory of Icinga 2 and MariaDB. */
  baseDir: string;
  /** Process group of the icinga2 daemon (its umbrella process and worker). */
  processGroup: number;
  /** Calls the Icinga 2 API; throws on a status other than 2xx. */
  api(method: "GET" | "POST" | "DELETE", pathAndQuery: string, body?: unknown): Promise<unknown>;
  setServiceState(host: string, service: string, exitStatus: 0 | 1 | 2 | 3, output: string): Promise<void>;
  acknowledge(host: string, service: string): Promise<void>;
  removeAcknowledgement(host: string, service: string): Promise<void>;
  scheduleDowntime(host: string, service: string, minutes: number): Promise<void>;
  removeDowntime(host: string, service: string): Promise<void>;
  /** Resolves when the IDO writer has no queued queries and holds a marker result written just before. */
  waitForIdo(timeoutMs?: number): Promise<void>;
  /** Stops Icinga 2 and MariaDB and deletes their directories; safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const directories = new Set<string>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });
}

/** icinga2 daemon runs an umbrella process and a worker; signal the whole process group. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (text: string) => JSON.stringify(text);

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function varLines(vars: Record<string, string | string[]> | undefined, indent: string): string[] {
  return Object.entries(vars ?? {}).map(([name, value]) => `${indent}vars[${quote(name)}] = ${JSON.stringify(value)}`);
}

/** The Icinga 2 configuration of an estate: templates, groups, hosts and their passive services. */
export function icingaEstateConfig(estate: IcingaEstate): string {
  // Inlined rather than imported from a shared template, so hosts list only the estate's templates.
  const passive = [`  check_command = "dummy"`, `  enable_active_checks = false`, `  max_check_attempts = 1`];
  const lines: string[] = [];
  for (const template of estate.hostTemplates) {
    lines.push(`template Host ${quote(template.name)} {`, ...passive, ...varLines(template.vars, "  "), `}`);
  }
  for (const group of estate.hostGroups) lines.push(`object HostGroup ${quote(group)} { }`);
  for (const group of estate.serviceGroups ?? []) lines.push(`object ServiceGroup ${quote(group.name)} { }`);
  const groupsOf = (service: string) => (estate.serviceGroups ?? []).filter((group) => group.services.includes(service)).map((group) => group.name);
  const hosts = [...estate.hosts, { name: MARKER_HOST, templates: [], services: [MARKER_SERVICE] } satisfies IcingaHost];
  for (const host of hosts) {
    lines.push(`object Host ${quote(host.name)} {`);
    for (const template of host.templates) lines.push(`  import ${quote(template)}`);
    lines.push(...passive);
    if (host.displayName) lines.push(`  display_name = ${quote(host.displayName)}`);
    lines.push(`  address = ${quote(host.address ?? "127.0.0.1")}`);
    if (host.groups && host.groups.length > 0) lines.push(`  groups = ${JSON.stringify(host.groups)}`);
    lines.push(...varLines(host.vars, "  "), `}`);
    for (const service of host.services) {
      const groups = groupsOf(service);
      lines.push(
        `object Service ${quote(service)} { host_name = ${quote(host.name)}; check_command = "dummy"; enable_active_checks = false; max_check_attempts = 1${
          groups.length > 0 ? `; groups = ${JSON.stringify(groups)}` : ""
        } }`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The IDO writes objects, status rows and (a little later) group memberships after each start; a
 * test reading the IDO must wait until all of them are there, not just until rows exist.
 */
async function waitForIdoConfig(mariadb: MariaDbServer, estate: IcingaEstate, deadline: number): Promise<void> {
  const hosts = estate.hosts.length + 1;
  const services = estate.hosts.reduce((sum, host) => sum + host.services.length, 0) + 1;
  const memberships = estate.hosts.reduce((sum, host) => sum + (host.groups?.length ?? 0), 0);
  const serviceMemberships = estate.hosts.reduce(
    (sum, host) => sum + host.services.reduce((count, service) => count + (estate.serviceGroups ?? []).filter((group) => group.services.includes(service)).length, 0),
    0,
  );
  const connection = await mariadb.connect("icinga");
  try {
    for (;;) {
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT
           (SELECT COUNT(*) FROM icinga_objects o JOIN icinga_hoststatus s ON s.host_object_id = o.object_id WHERE o.objecttype_id = 1 AND o.is_active = 1) AS hosts,
           (SELECT COUNT(*) FROM icinga_objects o JOIN icinga_servicestatus s ON s.service_object_id = o.object_id WHERE o.objecttype_id = 2 AND o.is_active = 1) AS services,
           (SELECT COUNT(*) FROM icinga_hostgroup_members) AS memberships,
           (SELECT COUNT(*) FROM icinga_servicegroup_members) AS service_memberships`,
      );
      const found = rows[0] as { hosts: number; services: number; memberships: number; service_memberships: number };
      if (
        Number(found.hosts) === hosts &&
        Number(found.services) === services &&
        Number(found.memberships) === memberships &&
        Number(found.service_memberships) === serviceMemberships
      ) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`the IDO did not receive the configuration in time: ${JSON.stringify(found)} of ${JSON.stringify({ hosts, services, memberships, serviceMemberships })}`);
      }
      await sleep(250);
    }
  } finally {
    await connection.end();
  }
}

export async function startIcingaTestbed(estate: IcingaEstate, options: IcingaTestbedOptions = {}): Promise<IcingaTestbed> {
  installExitHook();
  for (const needed of [ICINGA2, IDO_SCHEMA]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: install icinga2 and icinga2-ido-mysql (scripts/ensure-system-packages.sh, as root)`);
  }
  const startedAt = Date.now();
  const phase = (name: string) => {
    if (process.env.ICINGA_TESTBED_DEBUG) console.error(`icinga testbed: ${name} after ${Date.now() - startedAt} ms`);
  };
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const baseDir = mkdtempSync(path.join(tmpdir(), "bsm-icinga-"));
  directories.add(baseDir);
  const dirs = {
    config: path.join(baseDir, "etc"),
    data: path.join(baseDir, "lib"),
    log: path.join(baseDir, "log"),
    cache: path.join(baseDir, "cache"),
    spool: path.join(baseDir, "spool"),
    run: path.join(baseDir, "run"),
  };
  for (const directory of Object.values(dirs)) mkdirSync(directory, { recursive: true });
  mkdirSync(path.join(dirs.run, "icinga2", "cmd"), { recursive: true });
  mkdirSync(path.join(dirs.data, "certs"), { recursive: true });
  const logFile = path.join(dirs.log, "icinga2.log");
  const user = userInfo();
  const group = (await promisify(execFile)("id", ["-gn"])).stdout.trim();
  const defines = [
    `-DConfigDir=${dirs.config}`,
    `-DDataDir=${dirs.data}`,
    `-DLogDir=${dirs.log}`,
    `-DCacheDir=${dirs.cache}`,
    `-DSpoolDir=${dirs.spool}`,
    `-DInitRunDir=${path.join(dirs.run, "icinga2")}`,
    `-DRunAsUser=${user.username}`,
    `-DRunAsGroup=${group}`,
  ];
  const icinga = (args: string[]) => promisify(execFile)(ICINGA2, [...args, ...defines], { timeout: startTimeoutMs });

  let mariadb: MariaDbServer | null = null;
  let daemon: ChildProcess | null = null;
  let daemonExited: Promise<void> = Promise.resolve();
  let agent: Agent | null = null;
  let stopped = false;

  const stopDaemon = async () => {
    const current = daemon;
    if (current && current.exitCode === null && current.signalCode === null) {
      killGroup(current, "SIGTERM");
      const ended = await Promise.race([daemonExited.then(() => true), sleep(5_000).then(() => false)]);
      if (!ended) {
        killGroup(current, "SIGKILL");
        await daemonExited;
      }
    }
    // A worker left behind by the umbrella process dies with the group.
    if (current?.pid !== undefined) {
      killGroup(current, "SIGKILL");
      for (let waited = 0; liveProcessesInGroup(current.pid).length > 0 && waited < 5_000; waited += 50) await sleep(50);
    }
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    agent?.destroy();
    try {
      await stopDaemon();
    } finally {
      await mariadb?.stop();
      rmSync(baseDir, { recursive: true, force: true });
      directories.delete(baseDir);
    }
  };

  try {
    const certs = path.join(dirs.data, "certs");
    const key = path.join(certs, `${NODE_NAME}.key`);
    const csr = path.join(certs, `${NODE_NAME}.csr`);
    const cert = path.join(certs, `${NODE_NAME}.crt`);
    const caFile = path.join(certs, "ca.crt");
    // Each icinga2 CLI call takes seconds; make the certificates while MariaDB starts.
    const certificates = (async () => {
      await Promise.all([icinga(["pki", "new-ca"]), icinga(["pki", "new-cert", "--cn", NODE_NAME, "--key", key, "--csr", csr])]);
      await icinga(["pki", "sign-csr", "--csr", csr, "--cert", cert]);
      copyFileSync(path.join(dirs.data, "ca", "ca.crt"), caFile);
      phase("certificates");
    })();
    const certificatesDone = certificates.then(
      () => null,
      (error: unknown) => error,
    );

    mariadb = await startMariaDbServer({ bufferPoolSize: options.bufferPoolSize ?? "128M", startTimeoutMs });
    const writerPassword = randomBytes(9).toString("hex");
    const reader: IdoReader = { host: "127.0.0.1", port: mariadb.port, user: "bsm_reader", password: randomBytes(9).toString("hex"), database: "icinga" };
    const setup = await mariadb.connect();
    try {
      await setup.query("CREATE DATABASE icinga");
      await setup.query("USE icinga");
      await setup.query(readFileSync(IDO_SCHEMA, "utf8"));
      for (const host of ["127.0.0.1", "localhost"]) {
        await setup.query("CREATE USER 'icinga'@? IDENTIFIED BY ?", [host, writerPassword]);
        await setup.query("GRANT ALL PRIVILEGES ON icinga.* TO 'icinga'@?", [host]);
        await setup.query("CREATE USER ?@? IDENTIFIED BY ?", [reader.user, host, reader.password]);
        await setup.query("GRANT SELECT ON icinga.* TO ?@?", [reader.user, host]);
      }
    } finally {
      await setup.end();
    }
    phase("MariaDB with the IDO schema");
    const certificateError = await certificatesDone;
    if (certificateError) throw certificateError;

    const apiPassword = randomBytes(12).toString("hex");
    const configFile = path.join(dirs.config, "icinga2.conf");
    const configFor = (apiPort: number) =>
      [
        `const NodeName = ${quote(NODE_NAME)}`,
        `const ZoneName = NodeName`,
        `const PluginDir = "/usr/lib/nagios/plugins"`,
        `object Endpoint NodeName { }`,
        `object Zone ZoneName { endpoints = [ NodeName ] }`,
        `include <itl>`,
        `object FileLogger "main-log" { severity = "information"; path = LogDir + "/icinga2.log" }`,
        `object ApiListener "api" { bind_host = "127.0.0.1"; bind_port = ${apiPort}; accept_commands = false; accept_config = false }`,
        `object ApiUser "bsm" { password = ${quote(apiPassword)}; permissions = [ "*" ] }`,
        `object ApiUser ${quote(QUERY_ONLY_USER)} { password = ${quote(apiPassword)}; permissions = [ "objects/query/Host", "objects/query/Service", "status/query" ] }`,
        `library "db_ido_mysql"`,
        `object IdoMysqlConnection "ido-mysql" {`,
        `  host = "127.0.0.1"; port = ${mariadb!.port}; user = "icinga"; password = ${quote(writerPassword)}; database = "icinga"`,
        `}`,
        `include "estate.conf"`,
        "",
      ].join("\n");
    writeFileSync(path.join(dirs.config, "estate.conf"), icingaEstateConfig(estate));

    agent = new Agent({ ca: readFileSync(caFile), keepAlive: false, servername: NODE_NAME });
    const httpAgent = agent;
    const authorization = `Basic ${Buffer.from(`bsm:${apiPassword}`).toString("base64")}`;
    let apiPort = 0;
    const api: IcingaTestbed["api"] = (method, pathAndQuery, body) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const outgoing = request(
          `https://127.0.0.1:${apiPort}${pathAndQuery}`,
          {
            method,
            agent: httpAgent,
            servername: NODE_NAME,
            headers: {
              accept: "application/json",
              authorization,
              ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
            },
          },
          (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
            incoming.on("error", reject);
            incoming.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              const status = incoming.statusCode ?? 0;
              if (status < 200 || status > 299) reject(new Error(`Icinga 2 API ${method} ${pathAndQuery}: HTTP ${status} ${text.slice(0, 300)}`));
              else resolve(text === "" ? null : JSON.parse(text));
            });
          },
        );
        outgoing.on("error", reject);
        outgoing.end(payload);
      });

    const output = path.join(dirs.log, "daemon.out");
    const deadline = Date.now() + startTimeoutMs;
    const startDaemon = async (port: number) => {
      apiPort = port;
      writeFileSync(configFile, configFor(port));
      const outputFd = openSync(output, "a");
      const spawned = spawn(ICINGA2, ["daemon", "-c", configFile, ...defines], { stdio: ["ignore", outputFd, outputFd], detached: true });
      daemon = spawned;
      running.add(spawned);
      daemonExited = new Promise<void>((resolve) =>
        spawned.once("exit", () => {
          running.delete(spawned);
          resolve();
        }),
      );
      try {
        for (;;) {
          if (spawned.exitCode !== null || spawned.signalCode !== null) {
            throw new Error(`icinga2 exited during start-up:\n${tail(output)}\n${tail(logFile)}`);
          }
          try {
            await api("GET", "/v1/status/ApiListener");
            return { server: spawned, pid: spawned.pid ?? -1 };
          } catch (error) {
            if (listenerOnPort(port, spawned.pid ?? -1) === "other") throw new Error(`another program listens on the API port ${port}`);
            if (Date.now() > deadline) throw new Error(`the Icinga 2 API did not answer within ${startTimeoutMs} ms (${(error as Error).message}):\n${tail(logFile)}`);
            await sleep(250);
          }
        }
      } catch (error) {
        await stopDaemon();
        throw error;
      }
    };
    const spawned = await startOnFreePort(startDaemon, stopDaemon);

    phase("API answers");
    await waitForIdoConfig(mariadb, estate, deadline);
    phase("IDO holds the configuration");

    const serviceFilter = (host: string, service: string) => ({
      type: "Service",
      filter: "host.name == host_name && service.name == service_name",
      filter_vars: { host_name: host, service_name: service },
    });
    let markerSequence = 0;
    const markerReader = async () => {
      const connection = await mariadb!.connect("icinga");
      try {
        const [rows] = await connection.query<RowDataPacket[]>(
          `SELECT ss.output AS output FROM icinga_servicestatus ss JOIN icinga_objects o ON o.object_id = ss.service_object_id
           WHERE o.name1 = ? AND o.name2 = ? AND o.is_active = 1`,
          [MARKER_HOST, MARKER_SERVICE],
        );
        return rows.map((row) => String(row.output));
      } finally {
        await connection.end();
      }
    };

    const testbed: IcingaTestbed = {
      apiUrl: `https://127.0.0.1:${apiPort}`,
      apiUser: "bsm",
      apiPassword,
      queryOnlyUser: { name: QUERY_ONLY_USER, password: apiPassword },
      caFile,
      certificateName: NODE_NAME,
      ido: reader,
      mariadb,
      baseDir,
      processGroup: spawned.pid ?? -1,
      api,
      async setServiceState(host, service, exitStatus, text) {
        await api("POST", "/v1/actions/process-check-result", { ...serviceFilter(host, service), exit_status: exitStatus, plugin_output: text });
      },
      async acknowledge(host, service) {
        await api("POST", "/v1/actions/acknowledge-problem", { ...serviceFilter(host, service), author: "bsm-test", comment: "on it" });
      },
      async removeAcknowledgement(host, service) {
        await api("POST", "/v1/actions/remove-acknowledgement", serviceFilter(host, service));
      },
      async scheduleDowntime(host, service, minutes) {
        const start = Math.floor(Date.now() / 1000) - 1;
        await api("POST", "/v1/actions/schedule-downtime", {
          ...serviceFilter(host, service),
          author: "bsm-test",
          comment: "maintenance",
          start_time: start,
          end_time: start + minutes * 60,
          fixed: true,
        });
      },
      async removeDowntime(host, service) {
        await api("POST", "/v1/actions/remove-downtime", serviceFilter(host, service));
      },
      async waitForIdo(timeoutMs = 120_000) {
        markerSequence += 1;
        const marker = `marker ${markerSequence} ${randomBytes(4).toString("hex")}`;
        await testbed.setServiceState(MARKER_HOST, MARKER_SERVICE, 0, marker);
        const until = Date.now() + timeoutMs;
        for (;;) {
          const status = (await api("GET", "/v1/status/IdoMysqlConnection")) as {
            results: { status: { idomysqlconnection: Record<string, { connected: boolean; query_queue_items: number }> } }[];
          };
          const writer = Object.values(status.results[0]?.status.idomysqlconnection ?? {})[0];
          if (writer?.connected && writer.query_queue_items === 0 && (await markerReader()).includes(marker)) return;
          if (Date.now() > until) throw new Error(`the IDO did not catch up within ${timeoutMs} ms (${JSON.stringify(writer)}):\n${tail(logFile, 5)}`);
          await sleep(200);
        }
      },
      stop,
    };
    return testbed;
  } catch (error) {
    await stop();
    throw error;
  }
}
