import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChangeSignal } from "./change-signal";

describe("waking the poller on a source's change signal", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("makes a burst of signals one wake-up, after the debounce from the first signal", () => {
    const onDue = vi.fn();
    const signal = new ChangeSignal(100, onDue);
    signal.notify();
    vi.advanceTimersByTime(60);
    signal.notify();
    signal.notify();
    expect(signal.isDue()).toBe(false);
    vi.advanceTimersByTime(40);
    expect(onDue).toHaveBeenCalledTimes(1);
    expect(signal.isDue()).toBe(true);
    signal.notify();
    vi.advanceTimersByTime(500);
    expect(onDue).toHaveBeenCalledTimes(1);
  });

  it("stays due until a cycle takes it, so a burst during a cycle makes one more cycle", () => {
    const onDue = vi.fn();
    const signal = new ChangeSignal(50, onDue);
    signal.notify();
    vi.advanceTimersByTime(50);
    signal.take();
    expect(signal.isDue()).toBe(false);
    signal.notify();
    vi.advanceTimersByTime(50);
    expect(signal.isDue()).toBe(true);
    expect(onDue).toHaveBeenCalledTimes(2);
  });

  it("forgets a burst in its debounce when closed", () => {
    const onDue = vi.fn();
    const signal = new ChangeSignal(50, onDue);
    signal.notify();
    signal.close();
    vi.advanceTimersByTime(100);
    expect(onDue).not.toHaveBeenCalled();
    expect(signal.isDue()).toBe(false);
  });
});
