import nodemailer from "nodemailer";

import { DEFAULT_OUTBOUND_POLICY } from "../outbound-policy";
import { checkOutboundHost, REFUSED_PREFIX, resolveWithSystem, stripBrackets } from "./outbound-target";
import { createFailedAttempt, describeError, type MethodAttempt } from "./result";
import type { OutboundOptions } from "./webhook";

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

/**
 * Sends one message over SMTP; a 5xx rejection is final, anything else may be retried. The server
 * is checked against the outbound policy after DNS resolution and the connection goes to the
 * checked address (the TLS name stays the configured host).
 */
export async function sendEmail(config: EmailMethodConfig, message: EmailMessage, outbound: OutboundOptions = {}): Promise<MethodAttempt> {
  const started = Date.now();
  if (message.to.trim() === "") return createFailedAttempt("the contact has no email address", false);
  const target = await checkOutboundHost(outbound.policy ?? DEFAULT_OUTBOUND_POLICY, config.host, outbound.resolveHost ?? resolveWithSystem, config.timeoutMs);
  if (!target.ok) return createFailedAttempt(target.refused ? `${REFUSED_PREFIX}${target.reason}` : target.reason, !target.refused, Date.now() - started);
  const hostName = stripBrackets(config.host);
  const transport = nodemailer.createTransport({
    host: target.address,
    ...(target.address === hostName ? {} : { servername: hostName }),
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
