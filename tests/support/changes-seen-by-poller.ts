import { detectChanges, emptyKnownEstate, rememberChanges } from "@/lib/poller/detect-changes";
import type { IncrementalRead, MonitoringSource, SourceRead } from "@/lib/sources/types";

/** One read as the poller takes it: what changed compared to everything read before, and the read itself. */
export type ChangesSeen = Omit<IncrementalRead, "kind"> & { read: SourceRead };

/**
 * Reads a source through the poller's change detection, starting from an empty estate, so a
 * source's test can say what a sequence of reads changes without a database.
 */
export function changesSeenByPoller(source: MonitoringSource, now: () => number = Date.now) {
  const known = emptyKnownEstate();
  const take = (read: SourceRead): ChangesSeen => {
    const delta = detectChanges(known, read, now());
    rememberChanges(known, read.kind, delta);
    return {
      read,
      hosts: delta.hostsToWrite,
      removedHosts: delta.removedHosts,
      serviceChecks: delta.checksToWrite,
      removedServiceChecks: delta.removedChecks,
      skipped: delta.skipped,
      cursor: read.cursor,
    };
  };
  return {
    readFull: async () => take(await source.readFull()),
    readChanges: async (cursor: string) => take(await source.readChanges(cursor)),
  };
}
