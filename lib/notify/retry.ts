// Rules: docs/notification-rules.md §9.1 (retries).
import { createFailedAttempt, describeError, type DeliveryResult, type MethodAttempt } from "./methods/result";

export interface RetryPolicy {
  /** Including the first try; ≥ 1. */
  maxAttempts: number;
  initialDelayMs: number;
  backoffFactor: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 5_000,
  backoffFactor: 3,
  maxDelayMs: 60_000,
};

/** Delay before the next try after `attemptsMade` tries, or null to give up. */
export function computeRetryDelay(policy: RetryPolicy, attemptsMade: number, last: MethodAttempt): number | null {
  if (last.ok || !last.retryable || attemptsMade >= policy.maxAttempts) return null;
  const delay = policy.initialDelayMs * policy.backoffFactor ** (attemptsMade - 1);
  return Math.min(delay, policy.maxDelayMs);
}

export function summariseAttempts(history: MethodAttempt[]): DeliveryResult {
  const last = history[history.length - 1] ?? createFailedAttempt("no attempt was made", false);
  return {
    status: last.ok ? "ok" : "failed",
    attempts: history.length,
    exitCode: last.exitCode,
    output: last.output,
    errorOutput: last.errorOutput,
    error: last.error,
    history,
  };
}

export type Sleep = (milliseconds: number) => Promise<void>;

export const sleepFor: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Tries until success or the policy gives up; a throwing attempt counts as a retryable failure. Never throws. */
export async function runWithRetries(
  attempt: (attemptNumber: number) => Promise<MethodAttempt>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = sleepFor,
): Promise<DeliveryResult> {
  const history: MethodAttempt[] = [];
  for (;;) {
    let result: MethodAttempt;
    try {
      result = await attempt(history.length + 1);
    } catch (error) {
      result = createFailedAttempt(describeError(error), true);
    }
    history.push(result);
    const delay = computeRetryDelay(policy, history.length, result);
    if (delay === null) return summariseAttempts(history);
    await sleep(delay).catch(() => undefined);
  }
}
