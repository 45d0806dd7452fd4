import type { AddressInfo } from "node:net";

import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseOutboundPolicy } from "../outbound-policy";
import { SHOP_CONTEXT } from "../test-support";
import { deliverNotification, type MethodConfig } from "./deliver";

interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
}

const received: ReceivedMessage[] = [];
let connections = 0;
/** The SMTP server runs on 127.0.0.1; these tests allow it explicitly. */
const ALLOW_LOOPBACK_ONE = { outboundPolicy: parseOutboundPolicy({ allow: ["127.0.0.1/32"], deny: [] }) };
const REJECTED_RECIPIENT = "nobody@example.test";

function readAddress(address: SMTPServerAddress | false): string {
  return address === false ? "" : address.address;
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onConnect(_session, callback) {
    connections++;
    callback();
  },
  onRcptTo(address, _session, callback) {
    if (address.address === REJECTED_RECIPIENT) {
      callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        from: readAddress(session.envelope.mailFrom),
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

let method: Extract<MethodConfig, { kind: "email" }>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  method = { kind: "email", host: "127.0.0.1", port, secure: false, from: "bsm@example.test", timeoutMs: 5_000 };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const separator = raw.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of raw.slice(0, separator).replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(separator + 4);
  const encoding = headers["content-transfer-encoding"];
  return { headers, body: encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body };
}

describe("email method", () => {
  it("sends the notification to the contact over SMTP", async () => {
    const result = await deliverNotification(method, SHOP_CONTEXT, ALLOW_LOOPBACK_ONE);
    expect(result).toMatchObject({ status: "ok", attempts: 1, error: null });
    expect(result.output).toMatch(/^250/);

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.from).toBe("bsm@example.test");
    expect(message.to).toEqual(["alice@example.test"]);
    const { headers, body } = splitMessage(message.raw);
    expect(headers.subject).toBe("PROBLEM: BSMService Shop is offline");
    expect(headers.to).toBe("alice@example.test");
    expect(body.replace(/\r\n/g, "\n")).toBe(
      [
        "PROBLEM: 2 of 3 components failed, 1 of 3 impacted: BSMService Shop is offline, 98.96% availability",
        "",
        "Web servers: FAILED",
        "Databases: FAILED",
        "Payments: IMPACTED",
        "",
        "Notification number: 2",
        "Time: Mon Jan 20 07:10:23 GMT 2014",
        "Availability threshold: 99.5%",
        "",
        "Notes:",
        "Call ops & check the runbook",
        "",
      ].join("\n"),
    );
  });

  it("does not retry a recipient the server rejects for good", async () => {
    const context = { ...SHOP_CONTEXT, contact: { ...SHOP_CONTEXT.contact, email: REJECTED_RECIPIENT } };
    const result = await deliverNotification(method, context, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: { maxAttempts: 3, initialDelayMs: 10, backoffFactor: 2, maxDelayMs: 50 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1 });
    expect(result.error).toContain("No such user");
  });

  it("fails without trying when the contact has no email address", async () => {
    const context = { ...SHOP_CONTEXT, contact: { ...SHOP_CONTEXT.contact, email: null } };
    const result = await deliverNotification(method, context, ALLOW_LOOPBACK_ONE);
    expect(result).toMatchObject({ status: "failed", attempts: 1, error: "the contact has no email address" });
  });

  it("retries when the server cannot be reached", async () => {
    const closedPort: MethodConfig = { kind: "email", host: "127.0.0.1", port: 1, secure: false, from: "bsm@example.test", timeoutMs: 5_000 };
    const result = await deliverNotification(closedPort, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: { maxAttempts: 2, initialDelayMs: 10, backoffFactor: 2, maxDelayMs: 50 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 2 });
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});

describe("email method and the outbound policy", () => {
  it.each(["127.0.0.1", "localhost", "::ffff:127.0.0.1"])("refuses the SMTP server %s by default; the server sees no connection", async (host) => {
    const before = connections;
    const result = await deliverNotification({ ...method, host }, SHOP_CONTEXT, {
      retryPolicy: { maxAttempts: 3, initialDelayMs: 10, backoffFactor: 2, maxDelayMs: 50 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1 });
    expect(result.error).toMatch(/^refused by the outbound policy: .*loopback$/);
    expect(connections).toBe(before);
  });

  it("refuses a name the administrator denied even when its address is allowed", async () => {
    const outboundPolicy = parseOutboundPolicy({ allow: ["127.0.0.0/8", "::1"], deny: ["localhost"] });
    const result = await deliverNotification({ ...method, host: "localhost" }, SHOP_CONTEXT, { outboundPolicy });
    expect(result).toMatchObject({ status: "failed", error: "refused by the outbound policy: localhost is denied by the entry localhost" });
  });
});
