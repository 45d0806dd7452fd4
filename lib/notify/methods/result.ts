/** What one try of a method did; kept for the notification log. */
export interface MethodAttempt {
  ok: boolean;
  /** False when trying again cannot help (bad configuration, permanent rejection). */
  retryable: boolean;
  /** Commands only. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Standard output, the HTTP response body or the SMTP response; bounded. */
  output: string;
  /** Standard error (commands); bounded. */
  errorOutput: string;
  error: string | null;
  durationMs: number;
}

export interface DeliveryResult {
  status: "ok" | "failed";
  attempts: number;
  exitCode: number | null;
  output: string;
  errorOutput: string;
  error: string | null;
  history: MethodAttempt[];
}

export function createFailedAttempt(error: string, retryable: boolean, durationMs = 0): MethodAttempt {
  return {
    ok: false,
    retryable,
    exitCode: null,
    signal: null,
    timedOut: false,
    output: "",
    errorOutput: "",
    error,
    durationMs,
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const TRUNCATION_MARK = "\n[output truncated]";

/** Collects at most `limit` bytes of a stream's data. */
export class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private truncated = false;

  constructor(private readonly limit: number) {}

  append(chunk: Buffer | string): void {
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    const room = this.limit - this.size;
    if (data.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = data.subarray(0, room);
    this.chunks.push(kept);
    this.size += kept.length;
  }

  toString(): string {
    const text = Buffer.concat(this.chunks).toString("utf8");
    return this.truncated ? `${text}${TRUNCATION_MARK}` : text;
  }
}
