import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMariaDbServer, type MariaDbServer } from "@/tests/support/mariadb-server";
import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { openOpsviewFixture, type OpsviewEstate } from "@/tests/support/opsview-fixture";
import { SourceUnavailableError, type MonitoringSource, type SourceEvent } from "../types";
import { opsviewDatabaseSettingsSchema } from "./settings";
import { createOpsviewDatabaseSource } from "./source";

const READER = { user: "bsm_reader", password: "failover-pass-5150" };
const T = Math.floor(Date.now() / 1000) * 1000 - 600_000;

/** The same estate on both servers; the output says which server answered. */
function estateFrom(server: "main" | "backup"): OpsviewEstate {
  return {
    at: T,
    hostTemplates: [{ name: "Base", serviceChecks: ["Ping", "Disk"] }],
    hosts: [
      {
        name: "app1",
        hostTemplates: [{ name: "Base", priority: 1 }],
        services: [
          { name: "Ping", output: `from ${server}` },
          { name: "Disk", state: 1, output: `from ${server}` },
        ],
      },
    ],
  };
}

let main: MariaDbServer;
let backup: MariaDbServer;
let source: MonitoringSource | undefined;

beforeAll(async () => {
  main = await startMariaDbServer();
  backup = await startMariaDbServer();
  for (const [server, role] of [
    [main, "main"],
    [backup, "backup"],
  ] as const) {
    const fixture = await openOpsviewFixture(server);
    await fixture.load(estateFrom(role));
    await fixture.createReader(READER);
    await fixture.close();
  }
});

afterAll(async () => {
  await source?.close();
  await Promise.all([main?.stop(), backup?.stop()]);
});

const outputs = (checks: { output: string }[]) => [...new Set(checks.map((check) => check.output))];

describe("failover between the main and backup Opsview databases", () => {
  it("fails over when the main dies, fails back when it returns, and gives up only when both are down", async () => {
    let now = 5_000_000;
    const events: SourceEvent[] = [];
    source = createOpsviewDatabaseSource(
      opsviewDatabaseSettingsSchema.parse({
        main: { host: main.host, port: main.port, ...READER },
        backup: { host: backup.host, port: backup.port, ...READER },
      }),
      { now: () => now, onEvent: (event) => events.push(event), retryMainEveryMs: 30_000, fullResyncEveryMs: 3_600_000, connectTimeoutMs: 2_000 },
    );
    const mainAddress = `127.0.0.1:${main.port}`;
    const backupAddress = `127.0.0.1:${backup.port}`;
    const polled = changesSeenByPoller(source);

    const first = await polled.readFull();
    expect(outputs(first.serviceChecks)).toEqual(["from main"]);
    expect(source.describe()).toBe(`main database ${mainAddress}`);
    const quiet = await polled.readChanges(first.cursor);
    expect(quiet.serviceChecks).toEqual([]);

    await main.kill();
    now += 1_000;
    const onBackup = await polled.readChanges(quiet.cursor);
    expect(outputs(onBackup.serviceChecks)).toEqual(["from backup"]);
    expect(onBackup.serviceChecks).toHaveLength(2);
    expect(onBackup.removedServiceChecks).toEqual([]);
    expect(source.describe()).toBe(`backup database ${backupAddress}`);
    expect(events).toEqual([
      {
        at: now,
        kind: "failover",
        message: expect.stringMatching(new RegExp(`^Main database ${mainAddress} failed \\(connection (refused|lost|reset).*\\); reading from the backup database ${backupAddress}$`)),
      },
    ]);

    // Still on the backup: incremental reads from there, the main is not retried before its time.
    await main.restart();
    now += 29_000;
    const stillBackup = await polled.readChanges(onBackup.cursor);
    expect(stillBackup.serviceChecks).toEqual([]);
    expect(source.describe()).toBe(`backup database ${backupAddress}`);
    expect(events).toHaveLength(1);

    now += 1_000;
    const backOnMain = await polled.readChanges(stillBackup.cursor);
    expect(outputs(backOnMain.serviceChecks)).toEqual(["from main"]);
    expect(source.describe()).toBe(`main database ${mainAddress}`);
    expect(events.slice(1)).toEqual([
      { at: now, kind: "failback", message: `Main database ${mainAddress} answers again; reading from it instead of the backup database ${backupAddress}` },
    ]);

    await Promise.all([main.kill(), backup.kill()]);
    now += 1_000;
    const error = await polled.readChanges(backOnMain.cursor).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Opsview database unavailable: main database ${mainAddress}: .+; backup database ${backupAddress}: .+$`));
    expect(message).not.toContain(READER.password);
    expect(events).toHaveLength(2);

    // Only the backup comes back: the next read goes there, with a failover event.
    await backup.restart();
    now += 1_000;
    const recovered = await polled.readChanges(backOnMain.cursor);
    expect(outputs(recovered.serviceChecks)).toEqual(["from backup"]);
    expect(events.slice(2).map((event) => event.kind)).toEqual(["failover"]);
  });

  it("treats a main database that hangs like one that is down, after the connect timeout", async () => {
    for (const server of [main, backup]) if (!server.isRunning()) await server.restart();
    const events: SourceEvent[] = [];
    const hanging = createOpsviewDatabaseSource(
      opsviewDatabaseSettingsSchema.parse({
        main: { host: main.host, port: main.port, ...READER },
        backup: { host: backup.host, port: backup.port, ...READER },
      }),
      // A query that a stopped server never answers must fail over too, well inside the test's time.
      { onEvent: (event) => events.push(event), connectTimeoutMs: 2_000, queryTimeoutMs: 5_000 },
    );
    try {
      const polled = changesSeenByPoller(hanging);
      const first = await polled.readFull();
      expect(outputs(first.serviceChecks)).toEqual(["from main"]);
      await main.pause();
      const started = Date.now();
      const changes = await polled.readChanges(first.cursor);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(outputs(changes.serviceChecks)).toEqual(["from backup"]);
      expect(events.map((event) => event.kind)).toEqual(["failover"]);
      expect(events[0].message).toMatch(/did not answer within \d+ ms|timed out/);
    } finally {
      main.resume();
      await hanging.close();
    }
  });
});
