// `npm run bench:icinga`: the poller against a real Icinga 2 holding 5,000 hosts and 25,000 passive
// services, through both doors (the Icinga 2 API and the IDO in MariaDB), storing into PGlite.
// Prints, per door: a full poll with BSM evaluation of 500 components and 125 business services
// (on an empty database, and again as after a restart), and an incremental cycle after 50 state
// changes. Not a test: figures go into BENCHMARKS.md.
import { openDatabase, type Database } from "../lib/db/client";
import { Poller, type PollCycleReport } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { createIcingaApiSource } from "../lib/sources/icinga-api";
import { createIcingaIdoSource, parseIcingaIdoSettings } from "../lib/sources/ido";
import type { MonitoringSource } from "../lib/sources/types";
import { startIcingaTestbed, type IcingaEstate, type IcingaTestbed } from "../tests/support/icinga-testbed";

const HOSTS = Number(process.env.BENCH_ICINGA_HOSTS ?? 5_000);
const SERVICES_PER_HOST = 5;
const TEMPLATES = Math.max(1, Math.floor(HOSTS / 50));
const HOSTS_PER_COMPONENT = 10;
const COMPONENTS = Math.floor(HOSTS / HOSTS_PER_COMPONENT);
const COMPONENTS_PER_SERVICE = 4;
const CHANGES_PER_ROUND = 50;
const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const phases = (report: PollCycleReport) =>
  report.phases ? `read ${ms(report.phases.readMs)}, compare+evaluate ${ms(report.phases.evaluateMs)}, store ${ms(report.phases.storeMs)}` : "";

let seed = 0x1c1a6a;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

const templateName = (t: number) => `tmpl-${String(t).padStart(3, "0")}`;
const hostName = (h: number) => `host-${String(h).padStart(5, "0")}`;
const serviceNames = ["PING", "Load", "Disk", "HTTP", "Memory"].slice(0, SERVICES_PER_HOST);

function generateEstate(): IcingaEstate {
  return {
    hostTemplates: Array.from({ length: TEMPLATES }, (_, t) => ({ name: templateName(t) })),
    hostGroups: Array.from({ length: TEMPLATES }, (_, t) => `template-${templateName(t)}`),
    hosts: Array.from({ length: HOSTS }, (_, h) => ({
      name: hostName(h),
      templates: [templateName(h % TEMPLATES)],
      groups: [`template-${templateName(h % TEMPLATES)}`],
      address: `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`,
      services: serviceNames,
    })),
  };
}

/** 500 components of 10 hosts sharing a template (7 required), 125 business services of 4 components. */
function configuration() {
  const components = Array.from({ length: COMPONENTS }, (_, c) => {
    const template = c % TEMPLATES;
    const slot = Math.floor(c / TEMPLATES);
    const hosts = Array.from({ length: HOSTS_PER_COMPONENT }, (_, i) => hostName(template + TEMPLATES * (slot * HOSTS_PER_COMPONENT + i)));
    return { name: `Component ${c}`, hostTemplate: templateName(template), hosts, requiredOnline: 7 };
  });
  const businessServices = Array.from({ length: COMPONENTS / COMPONENTS_PER_SERVICE }, (_, s) => ({
    name: `Service ${s}`,
    components: Array.from({ length: COMPONENTS_PER_SERVICE }, (_, i) => `Component ${s * COMPONENTS_PER_SERVICE + i}`),
  }));
  return { components, businessServices };
}

interface Door {
  name: string;
  source: MonitoringSource;
  database: Database;
  poller: Poller;
  full: PollCycleReport[];
  incremental: PollCycleReport[];
}

async function openDoor(name: string, source: MonitoringSource): Promise<Door> {
  const database = openDatabase({ kind: "pglite", dataDir: "memory://" });
  await database.migrate();
  const { hosts } = await source.readFull();
  await seedConfigurationIfEmpty(database, { hosts, ...configuration() }, Date.now());
  return { name, source, database, poller: new Poller({ database, source, pollIntervalMs: 1000, log: () => {} }), full: [], incremental: [] };
}

async function fullCycle(door: Door, label: string) {
  const report = await door.poller.runCycle();
  if (!report.ok || report.read !== "full") throw new Error(`${door.name}: expected a full cycle, got ${JSON.stringify(report)}`);
  door.full.push(report);
  console.log(`${door.name}: full poll ${label}: ${ms(report.durationMs)} (${phases(report)}), ${report.checksWritten} checks written, ${report.changes.length} BSM changes`);
}

async function changeStates(testbed: IcingaTestbed, round: number) {
  const chosen = new Set<string>();
  while (chosen.size < CHANGES_PER_ROUND) {
    chosen.add(`${hostName(Math.floor(random() * HOSTS))}!${serviceNames[Math.floor(random() * serviceNames.length)]}`);
  }
  await testbed.api("POST", "/v1/actions/process-check-result", {
    type: "Service",
    filter: "service.__name in names",
    filter_vars: { names: [...chosen] },
    exit_status: round % 2 === 0 ? 2 : 0,
    plugin_output: `bench round ${round}`,
  });
}

async function main() {
  const started = Date.now();
  console.log(`Starting Icinga 2 with ${HOSTS} hosts and ${HOSTS * SERVICES_PER_HOST} services (IDO in MariaDB)…`);
  const testbed = await startIcingaTestbed(generateEstate(), { bufferPoolSize: "512M", startTimeoutMs: 900_000 });
  const doors: Door[] = [];
  try {
    console.log(`Icinga 2 running and its IDO loaded after ${seconds(Date.now() - started)}`);
    await testbed.waitForIdo(600_000);
    const idoSettings = parseIcingaIdoSettings({
      main: { host: testbed.ido.host, port: testbed.ido.port, user: testbed.ido.user, password: testbed.ido.password },
      hostGroupPattern: "^template-(.+)$",
    });
    if (!idoSettings.ok) throw new Error(idoSettings.message);
    doors.push(
      await openDoor(
        "Icinga 2 API",
        createIcingaApiSource({ baseUrl: testbed.apiUrl, username: testbed.apiUser, password: testbed.apiPassword, caFile: testbed.caFile, tlsServerName: testbed.certificateName }, { timeoutMs: 120_000 }),
      ),
    );
    doors.push(await openDoor("Icinga IDO", createIcingaIdoSource(idoSettings.settings)));

    for (const door of doors) await fullCycle(door, "on an empty database");
    for (const door of doors) {
      door.poller = new Poller({ database: door.database, source: door.source, pollIntervalMs: 1000, log: () => {} });
      await fullCycle(door, "after a restart");
    }

    for (let round = 0; round < ROUNDS; round++) {
      await changeStates(testbed, round);
      await testbed.waitForIdo();
      for (const door of doors) {
        const report = await door.poller.runCycle();
        if (!report.ok || report.read !== "changes") throw new Error(`${door.name}: expected an incremental cycle, got ${JSON.stringify(report)}`);
        door.incremental.push(report);
        console.log(`${door.name}: incremental cycle after ${CHANGES_PER_ROUND} state changes: ${ms(report.durationMs)} (${phases(report)}), ${report.checksWritten} checks written, ${report.changes.length} BSM changes`);
      }
    }

    console.log("");
    console.log(`| Door | Full poll + evaluation, empty database | Full poll + evaluation, after a restart | Incremental cycle after ${CHANGES_PER_ROUND} changes, median of ${ROUNDS} |`);
    console.log("|---|---|---|---|");
    for (const door of doors) {
      const incremental = median(door.incremental.map((report) => report.durationMs));
      console.log(`| ${door.name} | ${ms(door.full[0].durationMs)} | ${ms(door.full[1].durationMs)} | ${ms(incremental)} (range ${ms(Math.min(...door.incremental.map((r) => r.durationMs)))}–${ms(Math.max(...door.incremental.map((r) => r.durationMs)))}) |`);
    }
  } finally {
    for (const door of doors) {
      await door.source.close();
      await door.database.close();
    }
    await testbed.stop();
  }
  console.log(`Total ${seconds(Date.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
