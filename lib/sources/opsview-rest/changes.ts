import type { SourceHost, SourceServiceCheck } from "../types";
import type { CheckKey, NormalisedRead } from "./parse";

/** The last full read, kept in memory because the REST API has no "changes since". */
export interface ReadSnapshot {
  hosts: Map<string, SourceHost>;
  checks: Map<string, SourceServiceCheck>;
}

export interface UnreadableRows {
  hosts: string[];
  checks: CheckKey[];
}

export interface ReadDifference {
  hosts: SourceHost[];
  removedHosts: string[];
  serviceChecks: SourceServiceCheck[];
  removedServiceChecks: CheckKey[];
  /** The snapshot to compare the next read with. */
  next: ReadSnapshot;
}

/** Host names may contain "/", so the map key is unambiguous JSON rather than "host/name". */
function mapKey(host: string, name: string): string {
  return JSON.stringify([host, name]);
}

export function snapshotOf(read: NormalisedRead): ReadSnapshot {
  return {
    hosts: new Map(read.hosts.map((host) => [host.name, host])),
    checks: new Map(read.serviceChecks.map((check) => [mapKey(check.host, check.name), check])),
  };
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  return a.length === b.length && a.every((item, index) => same(item, b[index]));
}

export function sameHost(a: SourceHost, b: SourceHost): boolean {
  return (
    a.alias === b.alias &&
    a.address === b.address &&
    sameList(a.hostGroups, b.hostGroups) &&
    sameList(a.keywords, b.keywords) &&
    sameList(a.hostTemplates, b.hostTemplates, (x, y) => x.name === y.name && x.priority === y.priority)
  );
}

/**
 * Status equality. lastStateChange is left out: without last_state_change it is derived from
 * state_duration and the clock, so it would drift by a second between otherwise equal reads.
 */
export function sameCheckStatus(a: SourceServiceCheck, b: SourceServiceCheck): boolean {
  return (
    a.state === b.state &&
    a.stateType === b.stateType &&
    a.acknowledged === b.acknowledged &&
    a.inDowntime === b.inDowntime &&
    a.output === b.output &&
    sameList(a.hostTemplates, b.hostTemplates) &&
    sameList(a.serviceGroups, b.serviceGroups)
  );
}

/**
 * What changed between the previous read and this one. A row that could not be read this time
 * is neither changed nor removed: its previous record is carried into the next snapshot.
 */
export function diffReads(previous: ReadSnapshot, current: NormalisedRead, unreadable: UnreadableRows): ReadDifference {
  const next = snapshotOf(current);
  const unreadableHosts = new Set(unreadable.hosts);
  for (const hostName of unreadableHosts) {
    const previousHost = previous.hosts.get(hostName);
    if (previousHost && !next.hosts.has(hostName)) next.hosts.set(hostName, previousHost);
  }
  for (const [key, check] of previous.checks) {
    if (next.checks.has(key)) continue;
    if (unreadableHosts.has(check.host)) next.checks.set(key, check);
  }
  for (const { host, name } of unreadable.checks) {
    const key = mapKey(host, name);
    const previousCheck = previous.checks.get(key);
    if (previousCheck && !next.checks.has(key)) next.checks.set(key, previousCheck);
  }

  const hosts = current.hosts.filter((host) => {
    const before = previous.hosts.get(host.name);
    return !before || !sameHost(before, host);
  });
  const serviceChecks = current.serviceChecks.filter((check) => {
    const before = previous.checks.get(mapKey(check.host, check.name));
    return !before || !sameCheckStatus(before, check);
  });
  const removedHosts = [...previous.hosts.keys()].filter((name) => !next.hosts.has(name));
  const removedServiceChecks = [...previous.checks.entries()]
    .filter(([key]) => !next.checks.has(key))
    .map(([, check]) => ({ host: check.host, name: check.name }));
  return { hosts, removedHosts, serviceChecks, removedServiceChecks, next };
}
