import type { BsmState, StateSegment } from "../bsm";
import { isHostState, isServiceState } from "./bsm-object";

/** BsmObjectStatus.timeline: the state at the window's start and each change inside the window (epoch ms, new state), in time order. */
export interface StoredTimeline {
  initial: BsmState;
  changes: [number, BsmState][];
}

const isBsmState = (value: unknown): value is BsmState => typeof value === "string" && (isHostState(value) || isServiceState(value));

/** The stored form of a timeline whose first segment starts at the window's start. */
export function storedTimelineOf(segments: readonly StateSegment<BsmState>[]): StoredTimeline {
  return { initial: segments[0]?.state ?? "OPERATIONAL", changes: segments.slice(1).map((segment) => [segment.from, segment.state]) };
}

/**
 * The segments of a stored timeline over [from, to]; null when nothing readable is stored. Changes
 * outside the window are ignored and a change to the state already held starts no new segment.
 */
export function segmentsOfStoredTimeline(stored: unknown, from: number, to: number): StateSegment<BsmState>[] | null {
  if (typeof stored !== "object" || stored === null || !("initial" in stored) || !("changes" in stored)) return null;
  const { initial, changes } = stored;
  if (!isBsmState(initial) || !Array.isArray(changes)) return null;
  const starts: { at: number; state: BsmState }[] = [{ at: from, state: initial }];
  for (const change of changes) {
    if (!Array.isArray(change) || typeof change[0] !== "number" || !isBsmState(change[1])) return null;
    const [at, state] = change;
    if (at <= from || at >= to || state === starts[starts.length - 1].state) continue;
    starts.push({ at, state });
  }
  return starts.map((start, index) => ({ from: start.at, to: starts[index + 1]?.at ?? to, state: start.state }));
}
