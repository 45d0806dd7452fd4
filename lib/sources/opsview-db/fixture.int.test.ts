import { existsSync } from "node:fs";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMariaDbServer, type MariaDbServer } from "@/tests/support/mariadb-server";
import { generateOpsviewEstate, openOpsviewFixture, type OpsviewFixture } from "@/tests/support/opsview-fixture";
import { opsviewDatabaseSettingsSchema } from "./settings";
import { createOpsviewDatabaseSource } from "./source";

let server: MariaDbServer;
let fixture: OpsviewFixture;

beforeAll(async () => {
  server = await startMariaDbServer();
  fixture = await openOpsviewFixture(server);
});

afterAll(async () => {
  await fixture?.close();
  await server?.stop();
});

describe("the generated Opsview estate (for benchmarks)", () => {
  it("is deterministic and has the requested size", () => {
    const at = 1_800_000_000_000;
    const estate = generateOpsviewEstate({ hosts: 40, checksPerHost: 5, templates: 3, hostGroups: 4, at });
    expect(estate).toEqual(generateOpsviewEstate({ hosts: 40, checksPerHost: 5, templates: 3, hostGroups: 4, at }));
    expect(estate.hosts).toHaveLength(40);
    expect(estate.hosts.flatMap((host) => host.services)).toHaveLength(200);
    expect(new Set(estate.hosts.flatMap((host) => host.hostGroups))).toEqual(new Set(["Group 001", "Group 002", "Group 003", "Group 004"]));
    expect(estate.hosts.flatMap((host) => host.services).some((service) => service.state !== 0)).toBe(true);
  });

  it("loads into MariaDB and reads back through the source with every check contributed by its primary template", async () => {
    const estate = generateOpsviewEstate({ hosts: 40, checksPerHost: 5, templates: 3, hostGroups: 4 });
    expect(await fixture.load(estate)).toEqual({ hosts: 40, serviceChecks: 200 });
    await fixture.createReader({ user: "bench", password: "bench-pass-1" });
    const source = createOpsviewDatabaseSource(
      opsviewDatabaseSettingsSchema.parse({ main: { host: server.host, port: server.port, user: "bench", password: "bench-pass-1" } }),
    );
    try {
      const read = await source.readFull();
      expect(read.skipped).toEqual([]);
      expect(read.hosts).toHaveLength(40);
      expect(read.serviceChecks).toHaveLength(200);
      const primaryTemplate = new Map(estate.hosts.map((host) => [host.name, host.hostTemplates?.[0].name]));
      for (const check of read.serviceChecks) expect(check.hostTemplates).toEqual([primaryTemplate.get(check.host)]);
      const states = read.serviceChecks.map((check) => check.state);
      const expectedStates = estate.hosts.flatMap((host) => host.services.map((service) => ["OK", "WARNING", "CRITICAL", "UNKNOWN"][service.state ?? 0]));
      expect(states.sort()).toEqual(expectedStates.sort());
    } finally {
      await source.close();
    }
  });
});

describe("the MariaDB test server", () => {
  it("requires the password over TCP, survives kill with its data, and leaves nothing behind on stop", async () => {
    const extra = await startMariaDbServer();
    try {
      await expect(mysql.createConnection({ host: extra.host, port: extra.port, user: "root", password: "" })).rejects.toThrow(/Access denied/);

      const admin = await extra.connect();
      await admin.query("CREATE DATABASE kept; CREATE TABLE kept.t (id INT PRIMARY KEY); INSERT INTO kept.t VALUES (1), (2)");
      await admin.end();

      await extra.kill();
      expect(extra.isRunning()).toBe(false);
      await extra.restart();
      const again = await extra.connect();
      const [rows] = await again.query("SELECT COUNT(*) AS count FROM kept.t");
      expect(rows).toEqual([{ count: 2 }]);
      await again.end();
    } finally {
      await extra.stop();
    }
    expect(extra.isRunning()).toBe(false);
    expect(existsSync(extra.dataDir)).toBe(false);
    await extra.stop();
  });
});
