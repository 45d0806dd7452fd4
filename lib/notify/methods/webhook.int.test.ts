import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { SHOP_CONTEXT } from "../test-support";
import { deliverNotification } from "./deliver";

interface ReceivedRequest {
  method: string;
  contentType: string;
  body: unknown;
}

type Responder = (request: IncomingMessage, response: ServerResponse, count: number) => void;

let server: Server | null = null;

async function startServer(respond: Responder): Promise<{ url: string; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        contentType: request.headers["content-type"] ?? "",
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      respond(request, response, requests.length);
    });
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const { port } = listening.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, requests };
}

afterEach(async () => {
  const running = server;
  server = null;
  if (running === null) return;
  running.closeAllConnections();
  await new Promise<void>((resolve) => running.close(() => resolve()));
});

const FAST_RETRIES = { maxAttempts: 3, initialDelayMs: 20, backoffFactor: 2, maxDelayMs: 100 };

describe("webhook method", () => {
  it("POSTs the notification as JSON", async () => {
    const { url, requests } = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 5_000 }, SHOP_CONTEXT);
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
      retryPolicy: FAST_RETRIES,
    });
    expect(result).toMatchObject({ status: "failed", attempts: 1, error: "HTTP 400 Bad Request" });
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    const { url } = await startServer(() => undefined);
    const started = Date.now();
    const result = await deliverNotification({ kind: "webhook", url, timeoutMs: 200 }, SHOP_CONTEXT, {
      retryPolicy: { ...FAST_RETRIES, maxAttempts: 2 },
    });
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: "timed out after 200 ms" });
    expect(result.history.every((attempt) => attempt.timedOut)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
