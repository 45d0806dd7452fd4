/**
 * Turns a source's "something changed" calls into one early poll per burst: the first call starts a
 * short debounce, calls within it join it, and when it ends the burst is due and `onDue` runs once.
 * The poll loop takes the burst before each cycle, so events during a cycle make one more cycle.
 */
export class ChangeSignal {
  private due = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly debounceMs: number,
    private readonly onDue: () => void,
  ) {}

  notify(): void {
    if (this.due || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = true;
      this.onDue();
    }, this.debounceMs);
  }

  /** True when a burst has settled since the last take(): the loop should poll now rather than sleep. */
  isDue(): boolean {
    return this.due;
  }

  /** Called as a cycle starts: that cycle reads what the burst announced. */
  take(): void {
    this.due = false;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
  }
}
