import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { parseOutboundPolicy } from "../outbound-policy";
import { SHOP_CONTEXT } from "../test-support";
import { deliverNotification } from "./deliver";

interface ReceivedRequest {
  method: string;
  contentType: string;
  host: string;
  body: unknown;
}

type Responder = (request: IncomingMessage, response: ServerResponse, count: number) => void;

const servers: Server[] = [];

/** The receivers run on 127.0.0.1 (or another loopback address); these tests allow it explicitly. */
const ALLOW_LOOPBACK_ONE = { outboundPolicy: parseOutboundPolicy({ allow: ["127.0.0.1/32"], deny: [] }) };

async function startServer(respond: Responder, address = "127.0.0.1"): Promise<{ url: string; port: number; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        contentType: request.headers["content-type"] ?? "",
        host: request.headers.host ?? "",
        body: chunks.length === 0 ? null : JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      respond(request, response, requests.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${address}:${port}/hook`, port, requests };
}

afterEach(async () => {
  const running = servers.splice(0);
  for (const server of running) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const FAST_RETRIES = { maxAttempts: 3, initialDelayMs: 20, backoffFactor: 2, maxDelayMs: 100 };

describe("webhook method", () => {
  it("POSTs the notification as JSON", async () => {
    const { url, requests } = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, ALLOW_LOOPBACK_ONE);
    expect(result).toMatchObject({ status: "ok", attempts: 1, output: '{"received":true}', error: null });
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe("POST");
    expect(requests[0].contentType).toBe("application/json");
    expect(requests[0].body).toEqual({
      type: "PROBLEM",
      state: "OFFLINE",
      stateText: "offline",
      number: 2,
      at: "2014-01-20T07:10:23.000Z",
      object: { type: "BSMService", id: "shop", name: "Shop" },
      availability: 98.956,
      availabilityThreshold: 99.5,
      summary: "2 of 3 components failed, 1 of 3 impacted",
      output: "PROBLEM: 2 of 3 components failed, 1 of 3 impacted: BSMService Shop is offline, 98.96% availability",
      detail: [
        { name: "Web servers", state: "FAILED" },
        { name: "Databases", state: "FAILED" },
        { name: "Payments", state: "IMPACTED" },
      ],
      notes: "Call ops & check the runbook",
      contact: { name: "alice", email: "alice@example.test" },
      time: "Mon Jan 20 07:10:23 GMT 2014",
    });
  });

  it("retries a failing endpoint a bounded number of times, then reports the failure", async () => {
    const { url, requests } = await startServer((_request, response) => {
      response.writeHead(500).end("database is down");
    });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({
      status: "failed",
      attempts: 3,
      output: "database is down",
      error: "HTTP 500 Internal Server Error",
    });
    expect(requests).toHaveLength(3);
  });

  it("succeeds when a retry gets through", async () => {
    const { url, requests } = await startServer((_request, response, count) => {
      response.writeHead(count === 1 ? 503 : 204).end();
    });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({ status: "ok", attempts: 2 });
    expect(result.history.map((attempt) => attempt.error)).toEqual(["HTTP 503 Service Unavailable", null]);
    expect(requests).toHaveLength(2);
  });

  it("does not retry a request the endpoint refuses", async () => {
    const { url } = await startServer((_request, response) => {
      response.writeHead(400).end("bad payload");
    });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1, error: "HTTP 400 Bad Request" });
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    const { url } = await startServer(() => undefined);
    const started = Date.now();
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 200 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: { ...FAST_RETRIES, maxAttempts: 2 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: "timed out after 200 ms" });
    expect(result.history.every((attempt) => attempt.timedOut)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("webhook method and the outbound policy", () => {
  it("refuses 127.0.0.1 by default; the server receives nothing", async () => {
    const { url, requests } = await startServer((_request, response) => response.writeHead(200).end("secret"));
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, { retryPolicy: FAST_RETRIES });
    expect(result).toMatchObject({ status: "failed", attempts: 1, output: "", error: "refused by the outbound policy: 127.0.0.1 is loopback" });
    expect(requests).toHaveLength(0);
  });

  it("refuses localhost by default, after resolving it; the server receives nothing", async () => {
    const { port, requests } = await startServer((_request, response) => response.writeHead(200).end("secret"));
    const result = await deliverNotification({ kind: "webhook", url: `http://localhost:${port}/hook`, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1, output: "" });
    expect(result.error).toMatch(/^refused by the outbound policy: localhost resolves to (127\.0\.0\.1|::1), which is loopback$/);
    expect(requests).toHaveLength(0);
  });

  it("refuses odd spellings of loopback addresses", async () => {
    const { port, requests } = await startServer((_request, response) => response.writeHead(200).end("secret"));
    for (const host of ["2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "0177.0.0.1"]) {
      const result = await deliverNotification({ kind: "webhook", url: `http://${host}:${port}/hook`, timeoutMs: 5_000 }, SHOP_CONTEXT);
      expect(result.error, host).toMatch(/^refused by the outbound policy: .* is loopback$/);
    }
    expect(requests).toHaveLength(0);
  });

  it("delivers to 127.0.0.1 when an administrator allows 127.0.0.1/32", async () => {
    const { url, requests } = await startServer((_request, response) => response.writeHead(200).end("ok"));
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, ALLOW_LOOPBACK_ONE);
    expect(result).toMatchObject({ status: "ok", output: "ok" });
    expect(requests).toHaveLength(1);
  });

  it("an explicit deny entry wins over an allow entry", async () => {
    const { url, requests } = await startServer((_request, response) => response.writeHead(200).end("ok"));
    const outboundPolicy = parseOutboundPolicy({ allow: ["127.0.0.0/8"], deny: ["127.0.0.1"] });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, { outboundPolicy });
    expect(result).toMatchObject({ status: "failed", error: "refused by the outbound policy: 127.0.0.1 is denied by the entry 127.0.0.1" });
    expect(requests).toHaveLength(0);
  });

  it("refuses a redirect from an allowed server to 127.0.0.2; the second server receives nothing", async () => {
    const second = await startServer((_request, response) => response.writeHead(200).end("internal secret"), "127.0.0.2");
    const first = await startServer((_request, response) => response.writeHead(307, { location: second.url }).end());
    const result = await deliverNotification({ kind: "webhook", url: first.url, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1, output: "", error: "refused by the outbound policy: 127.0.0.2 is loopback" });
    expect(first.requests).toHaveLength(1);
    expect(second.requests).toHaveLength(0);
  });

  it("follows an allowed redirect, keeping the POST on 307 and turning 303 into a GET", async () => {
    const outboundPolicy = parseOutboundPolicy({ allow: ["127.0.0.1", "127.0.0.2"], deny: [] });
    const target = await startServer((_request, response) => response.writeHead(200).end("arrived"), "127.0.0.2");
    const see = await startServer((_request, response) => response.writeHead(303, { location: target.url }).end());
    const first = await startServer((_request, response) => response.writeHead(307, { location: see.url }).end());
    const result = await deliverNotification({ kind: "webhook", url: first.url, timeoutMs: 5_000 }, SHOP_CONTEXT, { outboundPolicy });
    expect(result).toMatchObject({ status: "ok", output: "arrived" });
    expect(see.requests.map((request) => request.method)).toEqual(["POST"]);
    expect(target.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("stops after three redirects", async () => {
    const { url, requests } = await startServer((request, response) => response.writeHead(302, { location: request.url ?? "/" }).end());
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT, { ...ALLOW_LOOPBACK_ONE, retryPolicy: FAST_RETRIES });
    expect(result).toMatchObject({ status: "failed", attempts: 1, error: "more than 3 redirects" });
    expect(requests).toHaveLength(4);
  });

  it("connects to the address it checked, not to a second DNS answer", async () => {
    const { port, requests } = await startServer((_request, response) => response.writeHead(200).end("pinned"));
    const answers = [["127.0.0.1"], ["127.0.0.3"]];
    const resolveHost = async () => (answers.shift() ?? ["127.0.0.4"]).map((address) => ({ address, family: 4 }));
    const result = await deliverNotification({ kind: "webhook", url: `http://hooks.example.test:${port}/hook`, timeoutMs: 5_000 }, SHOP_CONTEXT, {
      ...ALLOW_LOOPBACK_ONE,
      resolveHost,
    });
    expect(result).toMatchObject({ status: "ok", output: "pinned" });
    expect(requests.map((request) => request.host)).toEqual([`hooks.example.test:${port}`]);
  });

  it("gives up on a name that does not resolve in time, as a failure worth a retry", async () => {
    const resolveHost = () => new Promise<never>(() => undefined);
    const result = await deliverNotification({ kind: "webhook", url: "http://hooks.example.test/hook", timeoutMs: 200 }, SHOP_CONTEXT, {
      resolveHost,
      retryPolicy: { ...FAST_RETRIES, maxAttempts: 2 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: "could not resolve hooks.example.test: ETIMEOUT" });
  });
});
