import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { httpStatusOf } from "../errors/error-response";
import { MAX_BODY_BYTES, isCrossOriginRequest, readJsonBody, refuseMalformedPath } from "./request-body";

function chunkedRequest(chunks: string[], pulled: { count: number }, headers: Record<string, string> = {}): Request {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count += 1;
      if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]));
      else controller.close();
    },
  }, { highWaterMark: 0 });
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  return promise.then(
    () => "ok" as const,
    (error: unknown) => (error instanceof AppError ? httpStatusOf(error) : Promise.reject(error)),
  );
}

describe("readJsonBody", () => {
  it("parses a JSON body within the limit", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: JSON.stringify({ name: "Web" }) });
    await expect(readJsonBody(request)).resolves.toEqual({ name: "Web" });
  });

  it("refuses a declared Content-Length over the limit with 413 before reading anything", async () => {
    const pulled = { count: 0 };
    const request = chunkedRequest(["{}"], pulled, { "content-length": String(MAX_BODY_BYTES + 1) });
    expect(await statusOf(readJsonBody(request))).toBe(413);
    expect(pulled.count).toBe(0);
  });

  it("stops reading a chunked body once it passes the limit and answers 413", async () => {
    const pulled = { count: 0 };
    const chunk = "x".repeat(256 * 1024);
    const request = chunkedRequest(Array.from({ length: 80 }, () => chunk), pulled);
    expect(await statusOf(readJsonBody(request))).toBe(413);
    expect(pulled.count).toBeLessThan(10);
  });

  it("answers 400 for a body that is not JSON or not UTF-8", async () => {
    expect(await statusOf(readJsonBody(new Request("http://localhost/", { method: "POST", body: "{nope" })))).toBe(400);
    expect(await statusOf(readJsonBody(new Request("http://localhost/", { method: "POST", body: new Uint8Array([0x22, 0xff, 0x22]) })))).toBe(400);
  });
});

describe("isCrossOriginRequest", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost:3000/configure", { method: "POST", headers });
  it.each([
    [{ host: "localhost:3000", origin: "http://localhost:3000" }, false],
    [{ host: "localhost:3000" }, false],
    [{ host: "localhost:3000", origin: "http://evil.example" }, true],
    [{ host: "localhost:3000", origin: "null" }, true],
    [{ host: "internal:3000", "x-forwarded-host": "bsm.example", origin: "https://bsm.example" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isCrossOriginRequest(request(headers))).toBe(expected);
  });
});

describe("refuseMalformedPath", () => {
  it.each([
    ["/hosts/web-01", null],
    ["/hosts/%E2%82%AC", null],
    ["/hosts/%FF", 404],
    ["/bsm/investigate/host/1/%FF", 404],
    ["/api/views/investigate/host/1/%E2%82", 404],
  ])("%s → %s", (pathname, status) => {
    expect(refuseMalformedPath(pathname)?.status ?? null).toBe(status);
  });
});
