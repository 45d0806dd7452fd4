import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS } from "../auth/access";
import { ForbiddenError, UnauthenticatedError } from "../errors/app-error";
import { liveEventStreamResponse } from "./live-event-stream";

const access = createAccess({ ...NO_GRANTS, isAdmin: true }, { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() });

async function readUntilEnd(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
  return text;
}

describe("liveEventStreamResponse", () => {
  it.each([
    ["a revoked token or ended session (401)", new UnauthenticatedError("invalid or revoked API token")],
    ["lost BSM access (403)", new ForbiddenError("This needs the BSM access permission")],
  ])("ends the stream when a credential check answers %s", async (_, refusal) => {
    let checks = 0;
    const response = liveEventStreamResponse({
      access,
      recheck: async () => {
        checks++;
        if (checks < 3) return access;
        throw refusal;
      },
      signal: new AbortController().signal,
      recheckMs: 10,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(await readUntilEnd(response)).toBe(": connected\n\n");
    expect(checks).toBe(3);
  });

  it("keeps the stream when a check fails for another reason (database down), and ends it at the next refusal", async () => {
    const outcomes: (() => Promise<typeof access>)[] = [
      async () => {
        throw new Error("connection refused");
      },
      async () => access,
      async () => {
        throw new UnauthenticatedError("the account no longer exists");
      },
    ];
    let checks = 0;
    const response = liveEventStreamResponse({ access, recheck: () => outcomes[checks++]!(), signal: new AbortController().signal, recheckMs: 10 });
    await readUntilEnd(response);
    expect(checks).toBe(3);
  });

  it("sends a heartbeat event while nothing else happens, so a browser can tell a quiet stream from a lost one", async () => {
    const controller = new AbortController();
    const response = liveEventStreamResponse({ access, recheck: async () => access, signal: controller.signal, heartbeatMs: 5 });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: heartbeat")) text += decoder.decode((await reader.read()).value);
    controller.abort();
    expect(text).toMatch(/^: connected\n\nevent: heartbeat\ndata: \{"at":\d+\}\n\n/);
  });

  it("ends when the client goes away", async () => {
    const controller = new AbortController();
    const response = liveEventStreamResponse({ access, recheck: async () => access, signal: controller.signal, recheckMs: 10 });
    controller.abort();
    expect(await readUntilEnd(response)).toBe(": connected\n\n");
  });
});
