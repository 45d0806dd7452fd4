import { EventEmitter } from "node:events";
import type { BsmState } from "../bsm";
import type { CyclePhases } from "../poller/cycle-cost";
import type { BsmObjectRef } from "../status/bsm-object";

export interface LiveObjectChange extends BsmObjectRef {
  state: BsmState;
  acknowledged: boolean;
  impacted: boolean;
}

/** What browsers are told as it happens (over server-sent events). */
export type LiveEvent =
  | { type: "bsm"; at: number; changes: LiveObjectChange[] }
  | { type: "poll"; at: number; ok: boolean; staleSince: number | null; message: string | null; phases?: CyclePhases };

type Listener = (event: LiveEvent) => void;

const globalForEvents = globalThis as typeof globalThis & { bsmLiveEvents?: EventEmitter };

function emitter(): EventEmitter {
  if (!globalForEvents.bsmLiveEvents) {
    globalForEvents.bsmLiveEvents = new EventEmitter();
    globalForEvents.bsmLiveEvents.setMaxListeners(0);
  }
  return globalForEvents.bsmLiveEvents;
}

export function subscribeToLiveEvents(listener: Listener): () => void {
  emitter().on("event", listener);
  return () => emitter().off("event", listener);
}

/** Delivers an event to this process's subscribers (SSE streams). */
export function emitLiveEvent(event: LiveEvent): void {
  emitter().emit("event", event);
}

/** Ends every open event stream (on shutdown, so the server does not wait on them). */
export function closeLiveStreams(): void {
  emitter().emit("close");
}

export function onLiveStreamsClosed(listener: () => void): () => void {
  emitter().on("close", listener);
  return () => emitter().off("close", listener);
}
