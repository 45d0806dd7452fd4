import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import type { CheckHistoryEntry } from "../bsm";
import type { SourceHost, SourceServiceCheck } from "../sources/types";
import { hostFingerprint } from "./detect-changes";
import {
  COPY_FROM_ROWS,
  insertCheckHistory,
  loadKnownChecks,
  loadKnownHostFingerprints,
  markHostsRemoved,
  upsertHosts,
  upsertObjectStatuses,
  upsertServiceChecks,
} from "./estate-store";

const NOW = Date.parse("2026-11-22T08:00:00.123Z");
// Text that COPY's format must escape, and array elements that need quoting.
const AWKWARD = ['tab\there', "line\nbreak\r", "back\\slash", "\\N", 'quote "x"', "a,b {c}", "NULL", "ünïcode ✓", ""];

const hosts: SourceHost[] = Array.from({ length: 50 }, (_, index) => ({
  name: `host-${index}`,
  alias: "",
  address: "",
  hostGroups: [],
  keywords: [],
  hostTemplates: [{ name: "Base", priority: 1 }],
}));

function checks(count: number, variant: string): SourceServiceCheck[] {
  return Array.from({ length: count }, (_, index) => ({
    host: hosts[index % hosts.length].name,
    name: `check ${Math.floor(index / hosts.length)} ${AWKWARD[index % AWKWARD.length]}`,
    state: (["OK", "WARNING", "CRITICAL", "UNKNOWN"] as const)[index % 4],
    stateType: index % 3 === 0 ? "SOFT" : "HARD",
    acknowledged: index % 5 === 0,
    inDowntime: index % 7 === 0,
    output: `${variant} ${AWKWARD[(index + 3) % AWKWARD.length]}`,
    lastStateChange: index % 11 === 0 ? null : NOW - index * 1_001,
    hostTemplates: index % 2 === 0 ? ["Base", AWKWARD[index % AWKWARD.length] || "Other"].sort() : [],
    serviceGroups: index % 4 === 0 ? [AWKWARD[(index + 1) % AWKWARD.length] || "g"] : [],
  }));
}

const byKey = (map: Map<string, SourceServiceCheck>) => [...map.values()].sort((a, b) => `${a.host}/${a.name}`.localeCompare(`${b.host}/${b.name}`));
const sorted = (list: SourceServiceCheck[]) => [...list].sort((a, b) => `${a.host}/${a.name}`.localeCompare(`${b.host}/${b.name}`));

describe.each(RUNTIMES)("bulk writes of the estate on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("stores a first read through COPY, a large rewrite through a staging table and a small one as JSON, each exactly", async () => {
    const database = await freshDatabase();
    const first = checks(COPY_FROM_ROWS + 7, "first");
    // Into the empty table: COPY straight in.
    await database.withConnection((connection) =>
      connection.transaction(async (tx) => {
        await upsertHosts(tx, hosts, NOW);
        await upsertServiceChecks(tx, first, NOW);
      }),
    );
    expect(byKey(await database.withConnection(loadKnownChecks))).toEqual(sorted(first));

    // Into a filled table: staged, then updated and inserted.
    const rewritten = [...checks(COPY_FROM_ROWS + 7, "second"), ...checks(COPY_FROM_ROWS + 57, "added").slice(COPY_FROM_ROWS + 7)];
    await database.withConnection((connection) => connection.transaction((tx) => upsertServiceChecks(tx, rewritten, NOW + 1)));
    expect(byKey(await database.withConnection(loadKnownChecks))).toEqual(sorted(rewritten));

    const small = checks(5, "third");
    await database.withConnection((connection) => upsertServiceChecks(connection, small, NOW + 2));
    const expected = new Map(rewritten.map((check) => [`${check.host}/${check.name}`, check]));
    for (const check of small) expected.set(`${check.host}/${check.name}`, check);
    expect(byKey(await database.withConnection(loadKnownChecks))).toEqual(sorted([...expected.values()]));
  });

  it("leaves the checks' foreign key to their hosts as the migration made it after a first load", async () => {
    const database = await freshDatabase();
    const keyOfChecks = () =>
      database.withConnection((connection) =>
        connection.query<{ definition: string; validated: boolean }>(
          `SELECT pg_get_constraintdef(oid) AS definition, convalidated AS validated FROM pg_constraint WHERE conname = $1 AND conrelid = '"ServiceCheck"'::regclass`,
          ["ServiceCheck_hostId_fkey"],
        ),
      );
    const made = await keyOfChecks();
    // PostgreSQL's own wording of what the migration says.
    expect(made).toEqual([{ definition: `FOREIGN KEY ("hostId") REFERENCES "Host"(id) ON UPDATE CASCADE ON DELETE CASCADE`, validated: true }]);
    await database.withConnection((connection) =>
      connection.transaction(async (tx) => {
        await upsertHosts(tx, hosts, NOW);
        await upsertServiceChecks(tx, checks(COPY_FROM_ROWS, "first"), NOW);
      }),
    );
    expect(await keyOfChecks()).toEqual(made);
    // And it holds: removing a host takes its checks along.
    await database.withConnection((connection) => connection.query(`DELETE FROM "Host" WHERE name = $1`, [hosts[0].name]));
    const left = await database.withConnection(loadKnownChecks);
    expect([...left.values()].some((check) => check.host === hosts[0].name)).toBe(false);
    expect(left.size).toBe(COPY_FROM_ROWS - COPY_FROM_ROWS / hosts.length);
  });

  it("leaves out checks of hosts it does not know on the COPY path, as on the JSON path", async () => {
    const database = await freshDatabase();
    const known = checks(COPY_FROM_ROWS, "known");
    const orphan = { ...known[0], host: "no-such-host", name: "orphan" };
    await database.withConnection((connection) =>
      connection.transaction(async (tx) => {
        await upsertHosts(tx, hosts, NOW);
        await upsertServiceChecks(tx, [...known, orphan], NOW);
      }),
    );
    expect(byKey(await database.withConnection(loadKnownChecks))).toEqual(sorted(known));
  });

  it("builds the history's indexes again, as they were, after a first load into the empty table", async () => {
    const database = await freshDatabase();
    const indexesOfHistory = () =>
      database.withConnection((connection) =>
        connection.query<{ name: string; definition: string; valid: boolean }>(
          `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisvalid AS valid
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '"CheckStateChange"'::regclass ORDER BY i.relname`,
        ),
      );
    const made = await indexesOfHistory();
    expect(made.map((index) => index.name)).toEqual(expect.arrayContaining(["CheckStateChange_at_idx", "CheckStateChange_host_check_at_idx", "CheckStateChange_pkey"]));
    const entries: CheckHistoryEntry[] = checks(COPY_FROM_ROWS, "history").map((check, index) => ({
      host: check.host,
      name: check.name,
      at: NOW - index * 1_000,
      state: check.state,
      acknowledged: check.acknowledged,
      inDowntime: check.inDowntime,
    }));
    await database.withConnection((connection) => connection.transaction((tx) => insertCheckHistory(tx, entries)));
    expect(await indexesOfHistory()).toEqual(made);
    // Into the table that now has rows: straight in, indexes untouched.
    await database.withConnection((connection) => connection.transaction((tx) => insertCheckHistory(tx, entries)));
    expect(await indexesOfHistory()).toEqual(made);
    const [{ count }] = await database.withConnection((connection) =>
      connection.query<{ count: number }>(`SELECT count(*)::int AS count FROM "CheckStateChange" WHERE host = $1 AND "check" = $2`, [entries[0].host, entries[0].name]),
    );
    expect(count).toBe(2);
  });

  it("appends a large history through COPY with times, states and flags intact", async () => {
    const database = await freshDatabase();
    const entries: CheckHistoryEntry[] = checks(COPY_FROM_ROWS + 3, "history").map((check, index) => ({
      host: check.host,
      name: check.name,
      at: NOW - index * 1_003,
      state: check.state,
      acknowledged: check.acknowledged,
      inDowntime: check.inDowntime,
    }));
    await database.withConnection((connection) => insertCheckHistory(connection, entries));
    await database.withConnection((connection) => insertCheckHistory(connection, entries.slice(0, 2)));
    const stored = await database.withConnection((connection) =>
      connection.query<{ host: string; name: string; at: string; state: string; acknowledged: boolean; inDowntime: boolean }>(
        `SELECT host, "check" AS name, (EXTRACT(EPOCH FROM at) * 1000)::bigint::text AS at, state::text AS state, acknowledged, "inDowntime"
         FROM "CheckStateChange" ORDER BY id`,
      ),
    );
    expect(stored.map((row) => ({ ...row, at: Number(row.at) }))).toEqual([...entries, ...entries.slice(0, 2)]);
  });

  it("keeps an object's changedAt while only its acknowledgement or impact changes, and moves it when its state changes", async () => {
    const database = await freshDatabase();
    const service = { objectType: "BUSINESS_SERVICE", objectKey: "7" } as const;
    const store = (flags: { state: "OPERATIONAL" | "OFFLINE"; acknowledged: boolean; impacted: boolean }, at: number) =>
      database.withConnection((connection) => upsertObjectStatuses(connection, [{ ...service, ...flags }], at));
    const changedAt = async () => {
      const [row] = await database.withConnection((connection) =>
        connection.query<{ changedAt: string }>(`SELECT (EXTRACT(EPOCH FROM "changedAt") * 1000)::bigint::text AS "changedAt" FROM "BsmObjectStatus"`),
      );
      return Number(row.changedAt);
    };
    await store({ state: "OFFLINE", acknowledged: false, impacted: false }, NOW);
    await store({ state: "OFFLINE", acknowledged: true, impacted: true }, NOW + 60_000);
    expect(await changedAt()).toBe(NOW);
    await store({ state: "OPERATIONAL", acknowledged: false, impacted: false }, NOW + 120_000);
    expect(await changedAt()).toBe(NOW + 120_000);
  });

  it("loads the fingerprints of the hosts not removed, templates by priority then name, as the sources list them", async () => {
    const database = await freshDatabase();
    const stored: SourceHost[] = [
      { name: "web-1", alias: "Web 1", address: "10.0.0.1", hostGroups: ["eu", AWKWARD[0]], keywords: ["shop"], hostTemplates: [{ name: "Zeta", priority: 1 }, { name: "Alpha", priority: 1 }, { name: "Base", priority: 2 }] },
      { name: "web-2", alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [] },
      { name: "gone", alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: "Base", priority: 1 }] },
    ];
    await database.withConnection(async (connection) => {
      await upsertHosts(connection, stored, NOW);
      await markHostsRemoved(connection, ["gone"], NOW);
    });
    const fingerprints = await database.withConnection(loadKnownHostFingerprints);
    const asSourceSorts = (host: SourceHost): SourceHost => ({
      ...host,
      hostTemplates: [...host.hostTemplates].sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1)),
    });
    expect(fingerprints).toEqual(new Map(stored.slice(0, 2).map((host) => [host.name, hostFingerprint(asSourceSorts(host))])));
  });
});
