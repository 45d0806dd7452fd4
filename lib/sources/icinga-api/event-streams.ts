import { randomUUID } from "node:crypto";
import type { IcingaApiClient } from "./client";
import { EVENT_STREAM_TYPES, parseStreamEvent } from "./parse";

export interface EventStreamOptions {
  /** Streams open at once, opened staggerMs apart. 0 turns the event stream off (polling only). */
  streams: number;
  staggerMs: number;
  /** Reconnect delay after a stream closes: doubles from the first to the last while it keeps failing. */
  reconnectDelayMs: { first: number; last: number };
}

/**
 * Icinga 2.13 mostly holds an event until its 5-second wait for the next one ends (a lost wake-up in
 * its event queue), so one stream delivers a change after 2.5 s on average. Three streams opened
 * 5/3 s apart end their waits in turn; the first to deliver an event wins, the others' copies are dropped.
 */
export const DEFAULT_EVENT_STREAMS: EventStreamOptions = { streams: 3, staggerMs: 1_700, reconnectDelayMs: { first: 1_000, last: 60_000 } };

/** How long an event's identity is kept to drop the copies other streams deliver later. */
const DUPLICATE_WINDOW_MS = 30_000;

export interface ServiceChangeHandlers {
  /** Something changed, or a stream (re)opened and the stream may have missed changes: read changes soon. */
  onChange(): void;
  /** A stream closed or came back: worth a line in the source's events, once per outage. */
  onStatus(message: string): void;
}

/**
 * Listens to Icinga 2's event stream (POST /v1/events, permission events/*) and collects the names
 * of the services that changed. Streams that close reconnect with a growing delay; while any is
 * down, coverage() is null and the source falls back to its change filter.
 */
export class ServiceChangeListener {
  private readonly changed = new Set<string>();
  private readonly seen = new Map<string, number>();
  private readonly streams: { close: (() => void) | null; open: boolean; failures: number; timer?: NodeJS.Timeout }[];
  private readonly queue = `bsm-${randomUUID()}`;
  private epoch = 0;
  private inOutage = false;
  private stopped = false;

  constructor(
    private readonly client: IcingaApiClient,
    private readonly options: EventStreamOptions,
    private readonly handlers: ServiceChangeHandlers,
    private readonly now: () => number = Date.now,
  ) {
    this.streams = Array.from({ length: options.streams }, () => ({ close: null, open: false, failures: 0 }));
    this.streams.forEach((stream, index) => {
      stream.timer = setTimeout(() => this.connect(index), index * options.staggerMs);
    });
  }

  /** While every stream is open, a number that changes whenever one (re)opens; null while any is down. */
  coverage(): number | null {
    return this.streams.length > 0 && this.streams.every((stream) => stream.open) ? this.epoch : null;
  }

  /** The full names ("host!service") of the services named by events since the last call. */
  takeChanged(): string[] {
    const names = [...this.changed];
    this.changed.clear();
    const oldest = this.now() - DUPLICATE_WINDOW_MS;
    for (const [id, seenAt] of this.seen) if (seenAt < oldest) this.seen.delete(id);
    return names;
  }

  stop(): void {
    this.stopped = true;
    for (const stream of this.streams) {
      clearTimeout(stream.timer);
      stream.close?.();
      stream.close = null;
      stream.open = false;
    }
  }

  private connect(index: number): void {
    const stream = this.streams[index];
    if (this.stopped) return;
    stream.close = this.client.openEventStream(
      { queue: `${this.queue}-${index}`, types: EVENT_STREAM_TYPES },
      {
        onOpen: () => {
          stream.open = true;
          stream.failures = 0;
          this.epoch += 1;
          if (this.inOutage && this.coverage() !== null) {
            this.inOutage = false;
            this.handlers.onStatus("Icinga 2 event stream open again");
          }
          this.handlers.onChange();
        },
        onLine: (line) => this.take(line),
        onClosed: (reason) => {
          stream.open = false;
          stream.close = null;
          if (this.stopped) return;
          if (!this.inOutage) {
            this.inOutage = true;
            this.handlers.onStatus(`Icinga 2 event stream closed (${reason}); reconnecting, polling meanwhile`);
          }
          const { first, last } = this.options.reconnectDelayMs;
          const delay = Math.min(last, first * 2 ** Math.min(stream.failures, 16));
          stream.failures += 1;
          stream.timer = setTimeout(() => this.connect(index), delay);
        },
      },
    );
  }

  private take(line: string): void {
    const event = parseStreamEvent(line);
    if (!event || this.seen.has(event.id)) return;
    this.seen.set(event.id, this.now());
    this.changed.add(event.service);
    this.handlers.onChange();
  }
}

/**
 * Whether a change read may fetch just the services the stream named: only when the streams stayed
 * open since the previous read began (nothing missed), a change-filter sweep is not due (in case a
 * stream went quiet without closing), and the names are few enough to look up one by one.
 */
export function streamCoversChanges(read: { coverage: number | null; coverageAtLastRead: number | null; sinceSweepMs: number; sweepEveryMs: number; changed: number }): boolean {
  return read.coverage !== null && read.coverage === read.coverageAtLastRead && read.sinceSweepMs < read.sweepEveryMs && read.changed <= MAX_NAMED_SERVICES;
}

/** Above this many changed services, one change-filter read is cheaper than looking each up. */
export const MAX_NAMED_SERVICES = 1_000;
