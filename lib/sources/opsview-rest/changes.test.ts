import { describe, expect, it } from "vitest";

import type { SourceHost, SourceServiceCheck } from "../types";
import { diffReads, snapshotOf } from "./changes";

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

const NOTHING_UNREADABLE = { hosts: [], checks: [] };

const before = snapshotOf({
  hosts: [host("web1"), host("web2")],
  serviceChecks: [check("web1", "HTTP"), check("web1", "Load"), check("web2", "HTTP")],
});

describe("diffReads", () => {
  it("reports nothing when nothing changed, even if the derived last state change drifted", () => {
    const difference = diffReads(
      before,
      {
        hosts: [host("web1"), host("web2")],
        serviceChecks: [check("web1", "HTTP", { lastStateChange: 5 }), check("web1", "Load"), check("web2", "HTTP")],
      },
      NOTHING_UNREADABLE,
    );
    expect(difference).toMatchObject({ hosts: [], removedHosts: [], serviceChecks: [], removedServiceChecks: [] });
  });

  it.each([
    [{ state: "CRITICAL" as const }],
    [{ stateType: "SOFT" as const }],
    [{ acknowledged: true }],
    [{ inDowntime: true }],
    [{ output: "slow" }],
    [{ hostTemplates: ["Web Server"] }],
  ])("reports a check whose status changed by %j", (fields) => {
    const changed = check("web1", "HTTP", fields);
    const difference = diffReads(
      before,
      { hosts: [host("web1"), host("web2")], serviceChecks: [changed, check("web1", "Load"), check("web2", "HTTP")] },
      NOTHING_UNREADABLE,
    );
    expect(difference.serviceChecks).toEqual([changed]);
    expect(difference.hosts).toEqual([]);
  });

  it("reports new and changed hosts, removed hosts and removed checks", () => {
    const web1 = host("web1", { hostTemplates: [{ name: "Web Server", priority: 1 }] });
    const difference = diffReads(
      before,
      { hosts: [web1, host("db1")], serviceChecks: [check("web1", "HTTP"), check("db1", "MySQL")] },
      NOTHING_UNREADABLE,
    );
    expect(difference.hosts).toEqual([web1, host("db1")]);
    expect(difference.removedHosts).toEqual(["web2"]);
    expect(difference.serviceChecks).toEqual([check("db1", "MySQL")]);
    expect(difference.removedServiceChecks).toEqual([
      { host: "web1", name: "Load" },
      { host: "web2", name: "HTTP" },
    ]);
  });

  it("neither removes nor changes an unreadable check, and keeps its last record for the next comparison", () => {
    const current = { hosts: [host("web1"), host("web2")], serviceChecks: [check("web1", "Load"), check("web2", "HTTP")] };
    const difference = diffReads(before, current, { hosts: [], checks: [{ host: "web1", name: "HTTP" }] });
    expect(difference.removedServiceChecks).toEqual([]);
    expect(difference.serviceChecks).toEqual([]);
    expect(difference.next.checks.size).toBe(3);

    const recovered = diffReads(
      difference.next,
      { ...current, serviceChecks: [check("web1", "HTTP", { state: "WARNING" }), ...current.serviceChecks] },
      NOTHING_UNREADABLE,
    );
    expect(recovered.serviceChecks).toEqual([check("web1", "HTTP", { state: "WARNING" })]);
  });

  it("keeps an unreadable host and all its checks", () => {
    const difference = diffReads(
      before,
      { hosts: [host("web1")], serviceChecks: [check("web1", "HTTP"), check("web1", "Load")] },
      { hosts: ["web2"], checks: [] },
    );
    expect(difference.removedHosts).toEqual([]);
    expect(difference.removedServiceChecks).toEqual([]);
    expect([...difference.next.hosts.keys()]).toEqual(["web1", "web2"]);
  });

  it("reports a check whose service group changed", () => {
    const previous = snapshotOf({ hosts: [host("web1")], serviceChecks: [check("web1", "HTTP", { serviceGroups: ["Web"] })] });
    const current = { hosts: [host("web1")], serviceChecks: [check("web1", "HTTP", { serviceGroups: ["Frontend"] })] };
    expect(diffReads(previous, current, NOTHING_UNREADABLE).serviceChecks.map((changed) => changed.serviceGroups)).toEqual([["Frontend"]]);
  });

  it("tells hosts and checks with a slash in their names apart", () => {
    const previous = snapshotOf({ hosts: [host("a/b"), host("a")], serviceChecks: [check("a/b", "c"), check("a", "b/c")] });
    const difference = diffReads(
      previous,
      { hosts: [host("a/b"), host("a")], serviceChecks: [check("a/b", "c"), check("a", "b/c", { state: "CRITICAL" })] },
      NOTHING_UNREADABLE,
    );
    expect(difference.serviceChecks).toEqual([check("a", "b/c", { state: "CRITICAL" })]);
  });
});
