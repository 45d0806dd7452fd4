import type { CheckHistoryEntry, ServiceCheckStatus } from "../bsm";
import { checkKey, type ChangeRead, type FullRead, type SkippedRow, type SourceHost, type SourceServiceCheck } from "../sources/types";

export interface KnownEstate {
  hosts: Map<string, string>;
  checks: Map<string, SourceServiceCheck>;
}

/** What one read means for the stored estate: the rows to write and the status changes to record. */
export interface EstateDelta {
  hostsToWrite: SourceHost[];
  removedHosts: string[];
  checksToWrite: SourceServiceCheck[];
  removedChecks: { host: string; name: string }[];
  history: CheckHistoryEntry[];
  skipped: SkippedRow[];
}

export function hostFingerprint(host: SourceHost): string {
  return JSON.stringify([host.alias, host.address, host.hostGroups, host.keywords, host.hostTemplates]);
}

function statusDiffers(a: SourceServiceCheck, b: SourceServiceCheck): boolean {
  return a.state !== b.state || a.acknowledged !== b.acknowledged || a.inDowntime !== b.inDowntime;
}

function rowDiffers(a: SourceServiceCheck, b: SourceServiceCheck): boolean {
  return (
    statusDiffers(a, b) ||
    a.stateType !== b.stateType ||
    a.output !== b.output ||
    a.lastStateChange !== b.lastStateChange ||
    a.hostTemplates.join("\u0000") !== b.hostTemplates.join("\u0000") ||
    a.serviceGroups.join("\u0000") !== b.serviceGroups.join("\u0000")
  );
}

// A state change is dated by the source when it says when; acknowledgement and downtime changes by the poll.
function changeTime(check: SourceServiceCheck, previous: SourceServiceCheck | undefined, now: number): number {
  const stateChanged = !previous || previous.state !== check.state;
  const sourceTime = check.lastStateChange;
  if (stateChanged && sourceTime !== null && sourceTime <= now && (!previous?.lastStateChange || sourceTime > previous.lastStateChange)) {
    return sourceTime;
  }
  return now;
}

export function diffRead(known: KnownEstate, read: FullRead | ChangeRead, kind: "full" | "changes", now: number): EstateDelta {
  const skipped = [...read.skipped];
  const hostsToWrite = read.hosts.filter((host) => known.hosts.get(host.name) !== hostFingerprint(host));
  const presentHosts = new Set(read.hosts.map((host) => host.name));
  const removedHosts =
    kind === "full"
      ? [...known.hosts.keys()].filter((name) => !presentHosts.has(name))
      : (read as ChangeRead).removedHosts.filter((name) => known.hosts.has(name));
  const removedHostSet = new Set(removedHosts);

  const checksToWrite: SourceServiceCheck[] = [];
  const history: CheckHistoryEntry[] = [];
  const seenChecks = new Set<string>();
  for (const check of read.serviceChecks) {
    const key = checkKey(check.host, check.name);
    if (seenChecks.has(key)) {
      skipped.push({ key: `${check.host}/${check.name}`, reason: "listed twice in one read" });
      continue;
    }
    seenChecks.add(key);
    if (!presentHosts.has(check.host) && (!known.hosts.has(check.host) || removedHostSet.has(check.host))) {
      skipped.push({ key: `${check.host}/${check.name}`, reason: "its host is unknown" });
      continue;
    }
    const previous = known.checks.get(key);
    if (previous && !rowDiffers(previous, check)) continue;
    checksToWrite.push(check);
    if (!previous || statusDiffers(previous, check)) {
      history.push({
        host: check.host,
        name: check.name,
        at: changeTime(check, previous, now),
        state: check.state,
        acknowledged: check.acknowledged,
        inDowntime: check.inDowntime,
      });
    }
  }

  const removedChecks: { host: string; name: string }[] = [];
  if (kind === "full") {
    for (const [key, check] of known.checks) if (!seenChecks.has(key)) removedChecks.push({ host: check.host, name: check.name });
  } else {
    for (const check of (read as ChangeRead).removedServiceChecks) {
      if (known.checks.has(checkKey(check.host, check.name))) removedChecks.push(check);
    }
    if (removedHostSet.size > 0) for (const [, check] of known.checks) {
      if (removedHostSet.has(check.host) && !seenChecks.has(checkKey(check.host, check.name))) {
        removedChecks.push({ host: check.host, name: check.name });
      }
    }
  }
  return { hostsToWrite, removedHosts, checksToWrite, removedChecks, history, skipped };
}

export function toEngineCheck(check: SourceServiceCheck): ServiceCheckStatus {
  return {
    host: check.host,
    name: check.name,
    hostTemplates: check.hostTemplates,
    state: check.state,
    acknowledged: check.acknowledged,
    inDowntime: check.inDowntime,
  };
}
