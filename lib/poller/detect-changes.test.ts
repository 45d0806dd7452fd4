import { describe, expect, it } from "vitest";

import type { CompleteRead, IncrementalRead, SkippedRow, SourceHost, SourceRead, SourceServiceCheck } from "../sources/types";
import { checkChanged, detectChanges, emptyKnownEstate, hostFingerprint, rememberChanges, type KnownEstate } from "./detect-changes";

function host(name: string, fields: Partial<SourceHost> = {}): SourceHost {
  return { name, alias: name, address: "", hostGroups: [], hostTemplates: [], keywords: [], ...fields };
}

function check(hostName: string, name: string, fields: Partial<SourceServiceCheck> = {}): SourceServiceCheck {
  return {
    host: hostName,
    name,
    state: "OK",
    stateType: "HARD",
    acknowledged: false,
    inDowntime: false,
    output: "fine",
    lastStateChange: null,
    hostTemplates: [],
    serviceGroups: [],
    ...fields,
  };
}

function complete(hosts: SourceHost[], serviceChecks: SourceServiceCheck[], unreadable?: CompleteRead["unreadable"]): CompleteRead {
  return { kind: "complete", hosts, serviceChecks, skipped: [], cursor: "c", ...(unreadable ? { unreadable } : {}) };
}

function incremental(fields: Partial<IncrementalRead>): IncrementalRead {
  return { kind: "incremental", hosts: [], removedHosts: [], serviceChecks: [], removedServiceChecks: [], skipped: [], cursor: "c", ...fields };
}

/** What the poller knows after storing this read on an empty estate. */
function knownAfter(read: CompleteRead): KnownEstate {
  const known = emptyKnownEstate();
  rememberChanges(known, read.kind, detectChanges(known, read, 0));
  return known;
}

const NOW = 9_000;
const before = () => knownAfter(complete([host("web1"), host("web2")], [check("web1", "HTTP"), check("web1", "Load"), check("web2", "HTTP")]));

describe("checkChanged", () => {
  const ok = check("web1", "HTTP", { lastStateChange: 1_000, hostTemplates: ["Web"], serviceGroups: ["Web services"] });
  it.each<[string, Partial<SourceServiceCheck>, boolean]>([
    ["nothing", {}, false],
    ["the state", { state: "CRITICAL" }, true],
    ["the state type", { stateType: "SOFT" }, true],
    ["the acknowledgement", { acknowledged: true }, true],
    ["the downtime", { inDowntime: true }, true],
    ["the output", { output: "slow" }, true],
    ["the host templates", { hostTemplates: ["Web", "Base"] }, true],
    ["the service groups", { serviceGroups: ["Other"] }, true],
    ["only the last state change the source reports", { lastStateChange: 2_000 }, true],
    ["the last state change, to unknown", { lastStateChange: null }, true],
  ])("a check whose change is %s is %s", (_change, fields, changed) => {
    expect(checkChanged(ok, { ...ok, ...fields })).toBe(changed);
  });

  it.each<[string, Partial<SourceServiceCheck>, Partial<SourceServiceCheck>, boolean]>([
    ["two estimates a second apart", { lastStateChange: 4_000, lastStateChangeEstimated: true }, { lastStateChange: 5_000, lastStateChangeEstimated: true }, false],
    ["an estimate where nothing was known", { lastStateChange: null }, { lastStateChange: 5_000, lastStateChangeEstimated: true }, true],
    ["a reported time after an estimate", { lastStateChange: 4_000, lastStateChangeEstimated: true }, { lastStateChange: 5_000 }, true],
  ])("a last state change counted back from the clock: %s is a change: %s", (_case, previous, current, changed) => {
    expect(checkChanged({ ...ok, ...previous }, { ...ok, ...current })).toBe(changed);
  });
});

describe("hostFingerprint", () => {
  it.each<[string, Partial<SourceHost>, boolean]>([
    ["nothing", {}, true],
    ["the alias", { alias: "Web one" }, false],
    ["the address", { address: "10.0.0.1" }, false],
    ["the host groups", { hostGroups: ["London"] }, false],
    ["the keywords", { keywords: ["prod"] }, false],
    ["a template's priority", { hostTemplates: [{ name: "Web", priority: 2 }] }, false],
  ])("stays equal when %s changes: %s", (_change, fields, equal) => {
    const web1 = host("web1", { hostTemplates: [{ name: "Web", priority: 1 }] });
    expect(hostFingerprint({ ...web1, ...fields }) === hostFingerprint(web1)).toBe(equal);
  });
});

describe("detectChanges on a complete read", () => {
  it("reports nothing when nothing changed, even if an estimated last state change drifted", () => {
    const drifting = (lastStateChange: number) => check("web1", "HTTP", { lastStateChange, lastStateChangeEstimated: true });
    const known = knownAfter(complete([host("web1")], [drifting(4)]));
    const delta = detectChanges(known, complete([host("web1")], [drifting(5)]), NOW);
    expect(delta).toMatchObject({ hostsToWrite: [], removedHosts: [], checksToWrite: [], removedChecks: [] });
  });

  it.each([
    [{ state: "CRITICAL" as const }],
    [{ stateType: "SOFT" as const }],
    [{ acknowledged: true }],
    [{ inDowntime: true }],
    [{ output: "slow" }],
    [{ hostTemplates: ["Web Server"] }],
    [{ lastStateChange: 5 }],
  ])("reports a check whose status changed by %j", (fields) => {
    const changed = check("web1", "HTTP", fields);
    const delta = detectChanges(before(), complete([host("web1"), host("web2")], [changed, check("web1", "Load"), check("web2", "HTTP")]), NOW);
    expect(delta.checksToWrite).toEqual([changed]);
    expect(delta.hostsToWrite).toEqual([]);
  });

  it("reports new and changed hosts, removed hosts and removed checks", () => {
    const web1 = host("web1", { hostTemplates: [{ name: "Web Server", priority: 1 }] });
    const delta = detectChanges(before(), complete([web1, host("db1")], [check("web1", "HTTP"), check("db1", "MySQL")]), NOW);
    expect(delta.hostsToWrite).toEqual([web1, host("db1")]);
    expect(delta.removedHosts).toEqual(["web2"]);
    expect(delta.checksToWrite).toEqual([check("db1", "MySQL")]);
    expect(delta.removedChecks).toEqual([
      { host: "web1", name: "Load" },
      { host: "web2", name: "HTTP" },
    ]);
  });

  it("neither removes nor changes an unreadable check, and keeps its last record for the next comparison", () => {
    const known = before();
    const current = { hosts: [host("web1"), host("web2")], serviceChecks: [check("web1", "Load"), check("web2", "HTTP")] };
    const read = complete(current.hosts, current.serviceChecks, { hosts: [], serviceChecks: [{ host: "web1", name: "HTTP" }] });
    const delta = detectChanges(known, read, NOW);
    expect(delta.removedChecks).toEqual([]);
    expect(delta.checksToWrite).toEqual([]);
    rememberChanges(known, read.kind, delta);
    expect(known.checks.size).toBe(3);

    const recovered = detectChanges(known, complete(current.hosts, [check("web1", "HTTP", { state: "WARNING" }), ...current.serviceChecks]), NOW);
    expect(recovered.checksToWrite).toEqual([check("web1", "HTTP", { state: "WARNING" })]);
  });

  it("keeps an unreadable host and all its checks", () => {
    const known = before();
    const read = complete([host("web1")], [check("web1", "HTTP"), check("web1", "Load")], { hosts: ["web2"], serviceChecks: [] });
    const delta = detectChanges(known, read, NOW);
    expect(delta.removedHosts).toEqual([]);
    expect(delta.removedChecks).toEqual([]);
    rememberChanges(known, read.kind, delta);
    expect([...known.hosts.keys()]).toEqual(["web1", "web2"]);
  });

  it("reports a check whose service group changed", () => {
    const known = knownAfter(complete([host("web1")], [check("web1", "HTTP", { serviceGroups: ["Web"] })]));
    const delta = detectChanges(known, complete([host("web1")], [check("web1", "HTTP", { serviceGroups: ["Frontend"] })]), NOW);
    expect(delta.checksToWrite.map((changed) => changed.serviceGroups)).toEqual([["Frontend"]]);
  });

  it("tells hosts and checks with a slash in their names apart", () => {
    const known = knownAfter(complete([host("a/b"), host("a")], [check("a/b", "c"), check("a", "b/c")]));
    const delta = detectChanges(known, complete([host("a/b"), host("a")], [check("a/b", "c"), check("a", "b/c", { state: "CRITICAL" })]), NOW);
    expect(delta.checksToWrite).toEqual([check("a", "b/c", { state: "CRITICAL" })]);
  });

  it("skips a check listed twice and a check of a host it does not know", () => {
    const delta = detectChanges(emptyKnownEstate(), complete([host("web1")], [check("web1", "HTTP"), check("web1", "HTTP"), check("db1", "MySQL")]), NOW);
    expect(delta.checksToWrite).toEqual([check("web1", "HTTP")]);
    expect(delta.skipped).toEqual([
      { key: "web1/HTTP", reason: "listed twice in one read" },
      { key: "db1/MySQL", reason: "its host is unknown" },
    ]);
  });

  it("skips a known check listed twice, keeps the first listing and removes only what is not listed", () => {
    const delta = detectChanges(
      before(),
      complete([host("web1"), host("web2")], [check("web1", "HTTP", { state: "CRITICAL" }), check("web1", "HTTP"), check("web2", "HTTP")]),
      NOW,
    );
    expect(delta.checksToWrite).toEqual([check("web1", "HTTP", { state: "CRITICAL" })]);
    expect(delta.removedChecks).toEqual([{ host: "web1", name: "Load" }]);
    expect(delta.skipped).toEqual([{ key: "web1/HTTP", reason: "listed twice in one read" }]);
  });
});

describe("detectChanges on an incremental read", () => {
  it("writes what changed, removes only what it names, with a removed host's checks", () => {
    const delta = detectChanges(
      before(),
      incremental({ serviceChecks: [check("web1", "HTTP"), check("web1", "Load", { state: "WARNING" })], removedHosts: ["web2", "gone"] }),
      NOW,
    );
    expect(delta.checksToWrite).toEqual([check("web1", "Load", { state: "WARNING" })]);
    expect(delta.removedHosts).toEqual(["web2"]);
    expect(delta.removedChecks).toEqual([{ host: "web2", name: "HTTP" }]);
  });

  it("removes a named check it knows, and ignores one it does not", () => {
    const delta = detectChanges(before(), incremental({ removedServiceChecks: [{ host: "web1", name: "Load" }, { host: "web1", name: "Disk" }] }), NOW);
    expect(delta.removedChecks).toEqual([{ host: "web1", name: "Load" }]);
    expect(delta.removedHosts).toEqual([]);
  });

  it("reports a skipped row once between complete reads", () => {
    const known = before();
    const bad = { key: "web1/Disk", reason: "state 7" };
    const completeSkipping = (skipped: SkippedRow[]): CompleteRead => ({ ...complete([host("web1"), host("web2")], []), skipped });
    const reads: [SourceRead, SkippedRow[]][] = [
      [incremental({ skipped: [bad] }), [bad]],
      [incremental({ skipped: [bad] }), []],
      [completeSkipping([]), []],
      [completeSkipping([bad]), [bad]],
      [completeSkipping([bad]), [bad]],
      [incremental({ skipped: [bad] }), []],
    ];
    for (const [read, expected] of reads) {
      const delta = detectChanges(known, read, NOW);
      expect(delta.skipped).toEqual(expected);
      rememberChanges(known, read.kind, delta);
    }
  });

  it("dates a state change by the source and an acknowledgement by the poll", () => {
    const ok: SourceServiceCheck = { host: "h", name: "c", state: "OK", stateType: "HARD", acknowledged: false, inDowntime: false, output: "", lastStateChange: 1000, hostTemplates: [], serviceGroups: [] };
    const known = { hosts: new Map([["h", "x"]]), checks: new Map([["h\u0000c", ok]]), skipped: new Set<string>() };
    const changed: SourceServiceCheck = { ...ok, state: "CRITICAL", output: "boom", lastStateChange: 5000 };
    const read = incremental({ serviceChecks: [changed], cursor: "1" });
    expect(detectChanges(known, read, 9000).history.map((entry) => entry.at)).toEqual([5000]);
    known.checks.set("h\u0000c", changed);
    const acknowledged = { ...changed, acknowledged: true };
    expect(detectChanges(known, { ...read, serviceChecks: [acknowledged] }, 9000).history.map((entry) => entry.at)).toEqual([9000]);
  });

  it("rewrites a check whose service groups changed, without a history entry", () => {
    const ok: SourceServiceCheck = { host: "h", name: "c", state: "OK", stateType: "HARD", acknowledged: false, inDowntime: false, output: "", lastStateChange: 1000, hostTemplates: [], serviceGroups: ["Web"] };
    const known = { hosts: new Map([["h", "x"]]), checks: new Map([["h\u0000c", ok]]), skipped: new Set<string>() };
    const regrouped = { ...ok, serviceGroups: ["Web", "Customer facing"] };
    const read = incremental({ serviceChecks: [regrouped], cursor: "1" });
    const delta = detectChanges(known, read, 9000);
    expect(delta.checksToWrite).toEqual([regrouped]);
    expect(delta.history).toEqual([]);
    expect(detectChanges(known, { ...read, serviceChecks: [{ ...ok }] }, 9000).checksToWrite).toEqual([]);
  });
});
