import { DEFAULT_MAX_OUTPUT_BYTES } from "./command";
import { BoundedBuffer, createFailedAttempt, describeError, type MethodAttempt } from "./result";

export interface WebhookMethodConfig {
  url: string;
  timeoutMs: number;
  headers?: Readonly<Record<string, string>>;
  maxOutputBytes?: number;
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** POSTs `payload` as JSON; 2xx is success, 5xx/408/429 and network errors are worth a retry. */
export async function postWebhook(
  config: WebhookMethodConfig,
  payload: unknown,
  fetchImpl: typeof fetch = fetch,
): Promise<MethodAttempt> {
  const started = Date.now();
  try {
    const response = await fetchImpl(config.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...config.headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: "error",
    });
    const body = new BoundedBuffer(config.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    body.append(await response.text());
    const ok = response.ok;
    return {
      ok,
      retryable: !ok && isRetryableStatus(response.status),
      exitCode: null,
      signal: null,
      timedOut: false,
      output: body.toString(),
      errorOutput: "",
      error: ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(),
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const message = timedOut ? `timed out after ${config.timeoutMs} ms` : describeError(error);
    return { ...createFailedAttempt(message, true, Date.now() - started), timedOut };
  }
}
