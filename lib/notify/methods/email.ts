import nodemailer from "nodemailer";

import { createFailedAttempt, describeError, type MethodAttempt } from "./result";

export interface EmailMethodConfig {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send without STARTTLS. */
  requireTls?: boolean;
  auth?: { user: string; pass: string };
  from: string;
  timeoutMs: number;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

function readResponseCode(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("responseCode" in error)) return null;
  const code = error.responseCode;
  return typeof code === "number" ? code : null;
}

/** Sends one message over SMTP; a 5xx rejection is final, anything else may be retried. */
export async function sendEmail(config: EmailMethodConfig, message: EmailMessage): Promise<MethodAttempt> {
  const started = Date.now();
  if (message.to.trim() === "") return createFailedAttempt("the contact has no email address", false);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls ?? false,
    auth: config.auth,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  try {
    const info = await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    return {
      ok: true,
      retryable: false,
      exitCode: null,
      signal: null,
      timedOut: false,
      output: String(info.response),
      errorOutput: "",
      error: null,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const code = readResponseCode(error);
    return createFailedAttempt(describeError(error), code === null || code < 500, Date.now() - started);
  } finally {
    transport.close();
  }
}
