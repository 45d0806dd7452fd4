import type { CheckHistoryEntry, ServiceCheckStatus } from "../bsm";
import { checkKey, type ServiceCheckRef, type SkippedRow, type SourceHost, type SourceRead, type SourceServiceCheck } from "../sources/types";

/** What the poller knows of the estate: what it last stored, to compare each read with. */
export interface KnownEstate {
  /** Host name → hostFingerprint. */
  hosts: Map<string, string>;
  checks: Map<string, SourceServiceCheck>;
  /** Skipped rows reported since the last complete read, so incremental reads do not repeat them. */
  skipped: Set<string>;
}

/** What one read means for the stored estate: the rows to write and the status changes to record. */
export interface EstateDelta {
  hostsToWrite: SourceHost[];
  removedHosts: string[];
  checksToWrite: SourceServiceCheck[];
  removedChecks: ServiceCheckRef[];
  history: CheckHistoryEntry[];
  skipped: SkippedRow[];
}

export function emptyKnownEstate(): KnownEstate {
  return { hosts: new Map(), checks: new Map(), skipped: new Set() };
}

/** Equal fingerprints mean nothing stored about the host changed. */
export function hostFingerprint(host: SourceHost): string {
  const templates = host.hostTemplates.map((template) => [template.name, template.priority]);
  return JSON.stringify([host.alias, host.address, host.hostGroups, host.keywords, templates]);
}

/** A change of what the status engine and the check history see. */
export function checkStatusChanged(previous: SourceServiceCheck, current: SourceServiceCheck): boolean {
  return previous.state !== current.state || previous.acknowledged !== current.acknowledged || previous.inDowntime !== current.inDowntime;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

// An estimate counted back from the clock shifts between reads; only a reported time changes by itself.
function lastStateChangeDiffers(previous: SourceServiceCheck, current: SourceServiceCheck): boolean {
  if (previous.lastStateChangeEstimated && current.lastStateChangeEstimated) return false;
  return previous.lastStateChange !== current.lastStateChange;
}

/** A change of anything stored about the check: its status, state type, output, last state change, templates or groups. */
export function checkChanged(previous: SourceServiceCheck, current: SourceServiceCheck): boolean {
  return (
    checkStatusChanged(previous, current) ||
    previous.stateType !== current.stateType ||
    previous.output !== current.output ||
    lastStateChangeDiffers(previous, current) ||
    !sameList(previous.hostTemplates, current.hostTemplates) ||
    !sameList(previous.serviceGroups, current.serviceGroups)
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

/** Adds the item; false when it was there already. */
function addNew<T>(set: Set<T>, item: T): boolean {
  if (set.has(item)) return false;
  set.add(item);
  return true;
}

const skippedKey = (row: SkippedRow) => `${row.key}\u0000${row.reason}`;

/**
 * What changed compared to what is known. A complete read removes what it lacks, except rows it
 * could not read; an incremental read removes only what it names, with the checks of removed hosts.
 */
export function detectChanges(known: KnownEstate, read: SourceRead, now: number): EstateDelta {
  const found = [...read.skipped];
  const hostsToWrite = read.hosts.filter((host) => known.hosts.get(host.name) !== hostFingerprint(host));
  const presentHosts = new Set(read.hosts.map((host) => host.name));
  const unreadableHosts = new Set(read.kind === "complete" ? (read.unreadable?.hosts ?? []) : []);
  const unreadableChecks = new Set(
    read.kind === "complete" ? (read.unreadable?.serviceChecks ?? []).map((check) => checkKey(check.host, check.name)) : [],
  );
  const removedHosts =
    read.kind === "complete"
      ? [...known.hosts.keys()].filter((name) => !presentHosts.has(name) && !unreadableHosts.has(name))
      : read.removedHosts.filter((name) => known.hosts.has(name));
  const removedHostSet = new Set(removedHosts);

  const checksToWrite: SourceServiceCheck[] = [];
  const history: CheckHistoryEntry[] = [];
  // What the read named: known checks by identity (cheap to hash), new ones by key (few but on a first read).
  const seenKnown = new Set<SourceServiceCheck>();
  const seenNew = new Set<string>();
  for (const check of read.serviceChecks) {
    const key = checkKey(check.host, check.name);
    const previous = known.checks.get(key);
    if (previous ? !addNew(seenKnown, previous) : !addNew(seenNew, key)) {
      found.push({ key: `${check.host}/${check.name}`, reason: "listed twice in one read" });
      continue;
    }
    if (!presentHosts.has(check.host) && (!known.hosts.has(check.host) || removedHostSet.has(check.host))) {
      found.push({ key: `${check.host}/${check.name}`, reason: "its host is unknown" });
      continue;
    }
    if (previous && !checkChanged(previous, check)) continue;
    checksToWrite.push(check);
    if (!previous || checkStatusChanged(previous, check)) {
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

  const removedChecks: ServiceCheckRef[] = [];
  if (read.kind === "complete") {
    for (const [key, check] of known.checks) {
      if (!seenKnown.has(check) && !unreadableChecks.has(key) && !unreadableHosts.has(check.host)) removedChecks.push({ host: check.host, name: check.name });
    }
  } else {
    for (const check of read.removedServiceChecks) {
      if (known.checks.has(checkKey(check.host, check.name))) removedChecks.push(check);
    }
    if (removedHostSet.size > 0) for (const [, check] of known.checks) {
      if (removedHostSet.has(check.host) && !seenKnown.has(check)) {
        removedChecks.push({ host: check.host, name: check.name });
      }
    }
  }
  const skipped = read.kind === "complete" ? found : found.filter((row) => !known.skipped.has(skippedKey(row)));
  return { hostsToWrite, removedHosts, checksToWrite, removedChecks, history, skipped };
}

/** Takes a stored delta into what is known, for the next read to be compared with. */
export function rememberChanges(known: KnownEstate, readKind: SourceRead["kind"], delta: EstateDelta): void {
  for (const host of delta.hostsToWrite) known.hosts.set(host.name, hostFingerprint(host));
  for (const name of delta.removedHosts) known.hosts.delete(name);
  for (const check of delta.checksToWrite) known.checks.set(checkKey(check.host, check.name), check);
  for (const check of delta.removedChecks) known.checks.delete(checkKey(check.host, check.name));
  if (readKind === "complete") known.skipped.clear();
  for (const row of delta.skipped) known.skipped.add(skippedKey(row));
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
