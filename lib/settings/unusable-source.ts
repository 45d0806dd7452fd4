import { SourceUnavailableError, type MonitoringSource } from "../sources/types";

/**
 * Stands in for a source whose settings cannot be used (a saved password the key cannot open,
 * settings the source refuses): every read fails with the reason, so the poller reports it in
 * PollerStatus and the stale banner while the last known states stay as they are.
 */
export function unusableSource(kind: string, problem: string): MonitoringSource {
  const fail = () => Promise.reject(new SourceUnavailableError(problem));
  return {
    kind,
    readFull: fail,
    readChanges: fail,
    describe: () => `${kind} (settings unusable)`,
    close: () => Promise.resolve(),
  };
}
