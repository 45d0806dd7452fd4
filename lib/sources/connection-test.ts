import { redactSecret } from "./redact-secret";

/** What "Test connection" shows: whether it worked and, in one line, what was found or what failed. */
export interface ConnectionTestResult {
  ok: boolean;
  message: string;
}

export function connectionTestPassed(message: string): ConnectionTestResult {
  return { ok: true, message };
}

/** A failed test; the password (when given) is masked wherever the message repeats it. */
export function connectionTestFailed(problem: unknown, password = ""): ConnectionTestResult {
  const message = problem instanceof Error ? problem.message : String(problem);
  return { ok: false, message: redactSecret(message, password) };
}
