import type { Database } from "../../db/client";
import { Poller, type AfterPollStep } from "../../poller/poller";
import { seedConfigurationIfEmpty } from "../../poller/seed-configuration";
import type { CompleteRead, MonitoringSource, SourceCheckState, SourceHost, SourceServiceCheck } from "../../sources/types";

// A tiny estate for integration tests: business service "Shop" made of component "Web servers"
// (web-1 and web-2, both required online), each host with one HTTP check the test sets.

const HOSTS: SourceHost[] = ["web-1", "web-2"].map((name) => ({
  name,
  alias: name,
  address: "127.0.0.1",
  hostGroups: ["Web"],
  hostTemplates: [{ name: "Web", priority: 1 }],
  keywords: [],
}));

export interface ScriptedSource extends MonitoringSource {
  setCheck(host: string, state: SourceCheckState): void;
}

export function createScriptedSource(): ScriptedSource {
  const checks = new Map<string, SourceServiceCheck>(
    HOSTS.map((host) => [
      host.name,
      {
        host: host.name,
        name: "HTTP",
        state: "OK",
        stateType: "HARD",
        acknowledged: false,
        inDowntime: false,
        output: "HTTP OK",
        lastStateChange: null,
        hostTemplates: ["Web"],
        serviceGroups: ["Web"],
      },
    ]),
  );
  let cursor = 0;
  const everything = (): CompleteRead => ({ kind: "complete", hosts: HOSTS, serviceChecks: [...checks.values()].map((check) => ({ ...check })), skipped: [], cursor: String(++cursor) });
  return {
    kind: "scripted",
    describe: () => "scripted test estate",
    readFull: async () => everything(),
    readChanges: async () => everything(),
    close: async () => {},
    setCheck(host, state) {
      const check = checks.get(host);
      if (!check) throw new Error(`no host ${host}`);
      checks.set(host, { ...check, state, output: `HTTP ${state}` });
    },
  };
}

export interface TestEstate {
  serviceId: number;
  componentId: number;
  adminId: string;
}

export async function seedTestEstate(database: Database): Promise<TestEstate> {
  await seedConfigurationIfEmpty(
    database,
    {
      hosts: HOSTS,
      components: [{ name: "Web servers", hostTemplate: "Web", hosts: ["web-1", "web-2"], requiredOnline: 2 }],
      businessServices: [{ name: "Shop", components: ["Web servers"] }],
    },
    Date.now(),
  );
  const prisma = database.prisma;
  const admin = await prisma.user.create({ data: { email: "ops@example.test", name: "Ops Admin", passwordHash: "unused", isAdmin: true } });
  const service = await prisma.businessService.findUniqueOrThrow({ where: { name: "Shop" } });
  const component = await prisma.component.findUniqueOrThrow({ where: { name: "Web servers" } });
  return { serviceId: service.id, componentId: component.id, adminId: admin.id };
}

export function createTestPoller(database: Database, source: MonitoringSource, clock: { now: number }, afterPoll: AfterPollStep[]): Poller {
  return new Poller({ database, source, pollIntervalMs: 10_000, now: () => clock.now, afterPoll, log: () => {} });
}

/** The next whole minute at least a second from now: history before it precedes the test's clock. */
export function nextWholeMinute(): number {
  return Math.ceil((Date.now() + 1_000) / 60_000) * 60_000;
}
