import { randomUUID } from "node:crypto";
import type { IcingaApiClient } from "./client";
import { EVENT_STREAM_TYPES, parseStreamEvent } from "./parse";

export interface EventStreamOptions {
  /** Streams open at once, their waits kept apart (see ICINGA_WAIT_MS). 0 turns the event stream off (polling only). */
  streams: number;
  /** Reconnect delay after a stream closes: doubles from the first to the last while it keeps failing. */
  reconnectDelayMs: { first: number; last: number };
}

export const DEFAULT_EVENT_STREAMS: EventStreamOptions = { streams: 5, reconnectDelayMs: { first: 1_000, last: 60_000 } };

/**
 * Icinga 2.13 mostly holds an event until its 5-second wait for the next one ends (a lost wake-up in
 * its event queue), so one stream delivers a change after 2.5 s on average. A stream's wait restarts
 * when it delivers, so streams whose waits end at the same moment are reopened to end in between.
 */
const ICINGA_WAIT_MS = 5_000;
/** A stream is reopened to move its wait at most this often. */
const MIN_REPHASE_INTERVAL_MS = 30_000;
/** How long an event's identity is kept to drop the copies other streams deliver later. */
const DUPLICATE_WINDOW_MS = 30_000;

export interface ServiceChangeHandlers {
  /** Something changed, or a stream (re)opened and the streams may have missed changes: read changes soon. */
  onChange(): void;
  /** Every stream closed, or one opened again after that: worth a line in the source's events, once per outage. */
  onStatus(message: string): void;
}

interface Connection {
  id: number;
  open: boolean;
  /** When Icinga last started waiting for an event on it: at the open and after each line. */
  waitStartedAt: number;
  close: () => void;
}

interface Slot {
  connection: Connection | null;
  failures: number;
  timer?: NodeJS.Timeout;
  /** Where its wait will be once the reopen under way is done. */
  plannedPhase: number | null;
  lastRephaseAt: number;
}

const modulo = (value: number, period: number) => ((value % period) + period) % period;

/** How far apart two moments are within a repeating period. */
export function circularDistance(a: number, b: number, period: number): number {
  const apart = modulo(a - b, period);
  return Math.min(apart, period - apart);
}

/** The middle of the widest gap between the given moments of a repeating period. */
export function middleOfWidestGap(phases: number[], period: number): number {
  const sorted = phases.map((phase) => modulo(phase, period)).sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const last = sorted[sorted.length - 1];
  let widest = { start: last, width: sorted[0] + period - last };
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const width = sorted[index + 1] - sorted[index];
    if (width > widest.width) widest = { start: sorted[index], width };
  }
  return modulo(widest.start + widest.width / 2, period);
}

/**
 * Listens to Icinga 2's event stream (POST /v1/events, permission events/*) and collects the names
 * of the services that changed. Closed streams reconnect with a growing delay. coverage() names the
 * open connections: a read may trust the streams when one of them stayed open since the last read.
 */
export class ServiceChangeListener {
  private readonly changed = new Set<string>();
  private readonly seen = new Map<string, number>();
  private readonly slots: Slot[];
  /** Every connection opening or open, the ones moving a slot's wait included. */
  private readonly live = new Set<Connection>();
  private readonly queue = `bsm-${randomUUID()}`;
  private connections = 0;
  private inOutage = false;
  private stopped = false;

  constructor(
    private readonly client: Pick<IcingaApiClient, "openEventStream">,
    private readonly options: EventStreamOptions,
    private readonly handlers: ServiceChangeHandlers,
    private readonly now: () => number = Date.now,
  ) {
    const spacing = ICINGA_WAIT_MS / Math.max(options.streams, 1);
    this.slots = Array.from({ length: options.streams }, () => ({ connection: null, failures: 0, plannedPhase: null, lastRephaseAt: Number.NEGATIVE_INFINITY }));
    this.slots.forEach((slot, index) => {
      slot.timer = setTimeout(() => this.connect(index), index * spacing);
    });
  }

  /** The ids of the open connections; one id in two answers means that connection stayed open in between. */
  coverage(): number[] {
    return this.slots.flatMap((slot) => (slot.connection?.open ? [slot.connection.id] : []));
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
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.connection = null;
    }
    for (const connection of this.live) connection.close();
    this.live.clear();
  }

  /** Opens a connection for the slot; one already open (being moved) is closed once the new one is. */
  private connect(index: number): void {
    const slot = this.slots[index];
    if (this.stopped) return;
    this.connections += 1;
    const connection: Connection = { id: this.connections, open: false, waitStartedAt: 0, close: () => {} };
    this.live.add(connection);
    const closeStream = this.client.openEventStream(
      { queue: `${this.queue}-${index}`, types: EVENT_STREAM_TYPES },
      {
        onOpen: () => {
          const wasCovered = this.coverage().length > 0;
          const previous = slot.connection;
          Object.assign(connection, { open: true, waitStartedAt: this.now() });
          Object.assign(slot, { connection, failures: 0, plannedPhase: null });
          if (previous && previous !== connection) previous.close();
          if (this.inOutage && !wasCovered) {
            this.inOutage = false;
            this.handlers.onStatus("Icinga 2 event stream open again");
          }
          this.handlers.onChange();
        },
        onLine: (line) => {
          connection.waitStartedAt = this.now();
          this.take(line);
          this.keepApart(index);
        },
        onClosed: (reason) => this.closed(index, connection, reason),
      },
    );
    connection.close = () => {
      connection.open = false;
      this.live.delete(connection);
      closeStream();
    };
    slot.connection ??= connection;
  }

  private closed(index: number, connection: Connection, reason: string): void {
    const slot = this.slots[index];
    connection.open = false;
    this.live.delete(connection);
    if (this.stopped) return;
    if (slot.connection !== connection) {
      // A reopen to move the wait failed while the slot's connection stays open: keep that one.
      if (slot.connection?.open) slot.plannedPhase = null;
      return;
    }
    if (!this.inOutage && this.coverage().length === 0) {
      this.inOutage = true;
      this.handlers.onStatus(`Icinga 2 event stream closed (${reason}); reconnecting, polling meanwhile`);
    }
    const { first, last } = this.options.reconnectDelayMs;
    const delay = Math.min(last, first * 2 ** Math.min(slot.failures, 16));
    slot.failures += 1;
    slot.connection = null;
    slot.plannedPhase = null;
    slot.timer = setTimeout(() => this.connect(index), delay);
  }

  private phaseOf(slot: Slot): number | null {
    if (slot.plannedPhase !== null) return slot.plannedPhase;
    return slot.connection?.open ? modulo(slot.connection.waitStartedAt, ICINGA_WAIT_MS) : null;
  }

  /** After a line restarted this stream's wait: when another stream's wait ends at about the same moment, move this one. */
  private keepApart(index: number): void {
    const slot = this.slots[index];
    const phase = this.phaseOf(slot);
    const now = this.now();
    if (phase === null || slot.plannedPhase !== null || now - slot.lastRephaseAt < MIN_REPHASE_INTERVAL_MS) return;
    const others = this.slots.filter((other) => other !== slot).flatMap((other) => this.phaseOf(other) ?? []);
    const tooClose = ICINGA_WAIT_MS / this.slots.length / 2;
    if (!others.some((other) => circularDistance(other, phase, ICINGA_WAIT_MS) < tooClose)) return;
    const target = middleOfWidestGap(others, ICINGA_WAIT_MS);
    slot.plannedPhase = target;
    slot.lastRephaseAt = now;
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.connect(index), modulo(target - now, ICINGA_WAIT_MS));
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
 * Whether a change read may fetch just the services the streams named: only when one connection
 * stayed open since the previous read began (nothing missed), a change-filter sweep is not due (in
 * case a stream went quiet without closing), and the names are few enough to look up one by one.
 */
export function streamCoversChanges(read: {
  openAtLastRead: readonly number[];
  openNow: readonly number[];
  sinceSweepMs: number;
  sweepEveryMs: number;
  changed: number;
}): boolean {
  return read.openNow.some((id) => read.openAtLastRead.includes(id)) && read.sinceSweepMs < read.sweepEveryMs && read.changed <= MAX_NAMED_SERVICES;
}

/** Above this many changed services, one change-filter read is cheaper than looking each up. */
export const MAX_NAMED_SERVICES = 1_000;
