import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventStreamHandlers } from "./client";
import { circularDistance, middleOfWidestGap, ServiceChangeListener, streamCoversChanges, type EventStreamOptions } from "./event-streams";

/** Stands in for IcingaApiClient.openEventStream: each call is one connection the test drives. */
function fakeStreams() {
  const opened: { handlers: EventStreamHandlers; closedByClient: boolean }[] = [];
  return {
    opened,
    client: {
      openEventStream(_body: unknown, handlers: EventStreamHandlers) {
        const connection = { handlers, closedByClient: false };
        opened.push(connection);
        return () => {
          connection.closedByClient = true;
        };
      },
    },
  };
}

const line = (host: string, service: string, timestamp: number) => JSON.stringify({ type: "CheckResult", host, service, timestamp });

function listen(options: Partial<EventStreamOptions> = {}) {
  const streams = fakeStreams();
  const onChange = vi.fn();
  const onStatus = vi.fn();
  const listener = new ServiceChangeListener(streams.client, { streams: 1, reconnectDelayMs: { first: 100, last: 400 }, ...options }, { onChange, onStatus });
  return { ...streams, listener, onChange, onStatus };
}

describe("listening to the Icinga 2 event stream", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("collects the services named, once each, and signals a change per new event", () => {
    const { opened, listener, onChange } = listen({ streams: 2 });
    vi.advanceTimersByTime(5_000);
    expect(opened).toHaveLength(2);
    for (const connection of opened) connection.handlers.onOpen();
    onChange.mockClear();
    opened[0].handlers.onLine(line("web1", "HTTP", 1));
    opened[0].handlers.onLine(line("web1", "HTTP", 2));
    opened[0].handlers.onLine(JSON.stringify({ type: "CheckResult", host: "web1", timestamp: 3 }));
    // The other stream delivers the same events later: copies, no new change.
    opened[1].handlers.onLine(line("web1", "HTTP", 1));
    opened[1].handlers.onLine(line("web1", "HTTP", 2));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(listener.takeChanged()).toEqual(["web1!HTTP"]);
    expect(listener.takeChanged()).toEqual([]);
    listener.stop();
    expect(opened.every((connection) => connection.closedByClient)).toBe(true);
  });

  it("reconnects with a growing delay, says so once per outage, and signals on every open", () => {
    const { opened, listener, onChange, onStatus } = listen();
    vi.advanceTimersByTime(0);
    opened[0].handlers.onOpen();
    expect(onChange).toHaveBeenCalledTimes(1);
    const first = listener.coverage();
    expect(first).toHaveLength(1);

    opened[0].handlers.onClosed("socket hang up");
    expect(listener.coverage()).toEqual([]);
    vi.advanceTimersByTime(100);
    opened[1].handlers.onClosed("connection refused");
    vi.advanceTimersByTime(199);
    expect(opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    opened[2].handlers.onClosed("connection refused");
    vi.advanceTimersByTime(400);
    opened[3].handlers.onOpen();
    expect(onStatus.mock.calls).toEqual([["Icinga 2 event stream closed (socket hang up); reconnecting, polling meanwhile"], ["Icinga 2 event stream open again"]]);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(listener.coverage()).not.toEqual(first);
    listener.stop();
  });

  it("moves a stream whose wait ends with another's to the widest gap, and keeps covering meanwhile", () => {
    const { opened, listener } = listen({ streams: 2 });
    vi.advanceTimersByTime(2_500);
    opened[0].handlers.onOpen();
    opened[1].handlers.onOpen();
    const before = listener.coverage();
    vi.advanceTimersByTime(40_000);
    // Both deliver the same event at once: their waits restart together, and the first to deliver moves.
    opened[0].handlers.onLine(line("web1", "HTTP", 1));
    opened[1].handlers.onLine(line("web1", "HTTP", 1));
    vi.advanceTimersByTime(2_499);
    expect(opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(opened).toHaveLength(3);
    expect(listener.coverage()).toEqual(before);
    opened[2].handlers.onOpen();
    expect(opened.map((connection) => connection.closedByClient)).toEqual([true, false, false]);
    expect(listener.coverage()).toEqual([expect.any(Number), before[1]]);
    expect(listener.coverage()[0]).not.toBe(before[0]);
    listener.stop();
  });
});

describe("timing helpers", () => {
  it.each([
    [[1_000], 3_500],
    [[0, 1_000], 3_000],
    [[4_500, 500], 2_500],
  ])("the middle of the widest gap between %j in 5 s is %d", (phases, middle) => {
    expect(middleOfWidestGap(phases, 5_000)).toBe(middle);
  });

  it("measures distance around the period", () => {
    expect(circularDistance(4_900, 100, 5_000)).toBe(200);
    expect(circularDistance(100, 2_600, 5_000)).toBe(2_500);
  });
});

describe("trusting the stream for a change read", () => {
  const read = { openAtLastRead: [3, 4], openNow: [4, 6], sinceSweepMs: 1_000, sweepEveryMs: 60_000, changed: 2 };
  it("when one connection stayed open since the last read", () => {
    expect(streamCoversChanges(read)).toBe(true);
  });
  it.each([
    ["every connection was replaced", { openNow: [5, 6] }],
    ["no stream was open at the last read", { openAtLastRead: [] }],
    ["no stream is open now", { openNow: [] }],
    ["a sweep is due", { sinceSweepMs: 60_000 }],
    ["too many services changed", { changed: 1_001 }],
  ])("not when %s", (_, change) => {
    expect(streamCoversChanges({ ...read, ...change })).toBe(false);
  });
});
