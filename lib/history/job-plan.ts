// What the history job does next: pure decisions over its progress (HistorySettings) and the clock.

import { DAY_MS, HOUR_MS, type Interval } from "../time/calendar";
import type { ObjectStateAt } from "./reference";
import { ceilTo, floorTo } from "./rollup";

export interface JobProgress {
  readonly retentionDays: number;
  readonly rolledUpTo: number | null;
  readonly checkpointedTo: number | null;
}

/**
 * The next stretch to roll up: from rolledUpTo (at first: the hour of the earliest check history, at most
 * the retention back) for at most `chunkMs`, ending on a whole hour no later than settleMs before now.
 */
export function rollUpChunk(
  progress: JobProgress,
  earliestHistory: number | null,
  now: number,
  { settleMs, chunkMs }: { settleMs: number; chunkMs: number },
): Interval | null {
  const horizon = floorTo(now - settleMs, HOUR_MS);
  const start =
    progress.rolledUpTo ?? (earliestHistory === null ? null : Math.max(floorTo(earliestHistory, HOUR_MS), floorTo(now - progress.retentionDays * DAY_MS, HOUR_MS)));
  if (start === null || start >= horizon) return null;
  return { from: start, to: Math.min(horizon, floorTo(start + chunkMs, HOUR_MS)) };
}

/** The next UTC midnight to checkpoint, up to floor-day(now); the first is the midnight after the earliest transition (at most the retention back). */
export function nextCheckpoint(progress: JobProgress, earliestTransition: number | null, now: number): number | null {
  const last = floorTo(now, DAY_MS);
  let next: number;
  if (progress.checkpointedTo !== null) next = progress.checkpointedTo + DAY_MS;
  else if (earliestTransition === null) return null;
  else next = Math.max(ceilTo(earliestTransition, DAY_MS), ceilTo(now - progress.retentionDays * DAY_MS, DAY_MS));
  return next <= last ? next : null;
}

export function pruneCutoff(retentionDays: number, now: number): number {
  return now - retentionDays * DAY_MS;
}

/** A row no object has: its presence says the checkpoint at that moment is complete (even when every object was OPERATIONAL). */
export const CHECKPOINT_MARKER_KEY = "";

export interface CheckpointRow extends ObjectStateAt {
  readonly objectType: string;
  readonly objectKey: string;
}

/** The rows a checkpoint stores: objects not OPERATIONAL or with a flag, and the marker. */
export function checkpointRowsOf(states: ReadonlyMap<string, ObjectStateAt>): CheckpointRow[] {
  const rows: CheckpointRow[] = [{ objectType: "BUSINESS_SERVICE", objectKey: CHECKPOINT_MARKER_KEY, state: "OPERATIONAL", acknowledged: false, impacted: false }];
  for (const [key, state] of states) {
    if (state.state === "OPERATIONAL" && !state.acknowledged && !state.impacted) continue;
    rows.push({ ...splitObjectKey(key), state: state.state, acknowledged: state.acknowledged, impacted: state.impacted });
  }
  return rows;
}

/** objectRefKey back into its parts ("COMPONENT_HOST:7:web-01" → COMPONENT_HOST, "7:web-01"). */
export function splitObjectKey(key: string): { objectType: string; objectKey: string } {
  const separator = key.indexOf(":");
  return { objectType: key.slice(0, separator), objectKey: key.slice(separator + 1) };
}
