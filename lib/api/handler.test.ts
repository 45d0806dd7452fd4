import { describe, expect, it } from "vitest";
import { handleApiRequest, requestIdOf, serverTimingOf } from "./handler";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/status/bsmservice", { method: "POST", headers });

describe("request ids", () => {
  it("keeps a client's sane x-request-id", () => {
    expect(requestIdOf(request({ "x-request-id": "lb-7f3a.9_Z-1" }))).toBe("lb-7f3a.9_Z-1");
  });

  it.each([["a too long one", "a".repeat(65)], ["one with spaces", "a b"], ["one with a newline escape", "a%0Ab"], ["an empty one", ""]])(
    "makes a new id instead of %s",
    (_what, given) => {
      expect(requestIdOf(request({ "x-request-id": given }))).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it("answers with the request id, failures too", async () => {
    const response = await handleApiRequest(request({ "x-request-id": "abc-123", "content-length": String(2 * 1024 * 1024) }), async () => Response.json({}));
    expect(response.status).toBe(413);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
  });
});

describe("Server-Timing", () => {
  it("names each phase that ran with its duration in milliseconds", () => {
    expect(serverTimingOf({ authMs: 1.234, workMs: 12 })).toBe('auth;desc="caller check";dur=1.2, work;desc="operation";dur=12.0');
    expect(serverTimingOf({ authMs: 0.5 })).toBe('auth;desc="caller check";dur=0.5');
  });

  it("is left out when the request was refused before the caller check", async () => {
    const response = await handleApiRequest(request({ "content-length": String(2 * 1024 * 1024) }), async () => Response.json({}));
    expect(response.status).toBe(413);
    expect(response.headers.get("server-timing")).toBeNull();
  });
});
