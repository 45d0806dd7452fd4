/** Where a successful poll cycle spent its time (ms): reading the source, comparing and evaluating, storing. */
export interface CyclePhases {
  readMs: number;
  evaluateMs: number;
  storeMs: number;
}

/** Whole milliseconds, as stored in PollerStatus and sent in poll events. */
export function roundCyclePhases(phases: CyclePhases): CyclePhases {
  return { readMs: Math.round(phases.readMs), evaluateMs: Math.round(phases.evaluateMs), storeMs: Math.round(phases.storeMs) };
}

/** "read 12 ms, evaluate 1 ms, store 8 ms" */
export function describeCyclePhases(phases: CyclePhases): string {
  const { readMs, evaluateMs, storeMs } = roundCyclePhases(phases);
  return `read ${readMs} ms, evaluate ${evaluateMs} ms, store ${storeMs} ms`;
}

/** The poller's one log line per successful cycle: "Poll: changes, 51 checks written, 2 status changes, read 12 ms, evaluate 1 ms, store 8 ms". */
export function describePollCycle(cycle: { read: "full" | "changes"; checksWritten: number; statusChanges: number; phases: CyclePhases }): string {
  const checks = `${cycle.checksWritten} ${cycle.checksWritten === 1 ? "check" : "checks"} written`;
  const changes = `${cycle.statusChanges} status ${cycle.statusChanges === 1 ? "change" : "changes"}`;
  return `Poll: ${cycle.read}, ${checks}, ${changes}, ${describeCyclePhases(cycle.phases)}`;
}
