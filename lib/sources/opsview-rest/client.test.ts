import { describe, expect, it } from "vitest";

import { SourceUnavailableError } from "../types";
import { OpsviewRestClient, type FetchLike } from "./client";

const SETTINGS = { baseUrl: "https://opsview.example.com/opsview/", username: "bsm", password: "Pa55-word", acceptSelfSigned: false };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("OpsviewRestClient", () => {
  it("posts the credentials as JSON under the base path, then sends the token headers", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchDouble: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return url.endsWith("/rest/login") ? json(200, { token: "abc" }) : json(200, { list: [] });
    };
    const client = new OpsviewRestClient(SETTINGS, { fetch: fetchDouble, timeoutMs: 1_000 });

    await expect(client.getJson("/rest/status/service?rows=all")).resolves.toEqual({ list: [] });
    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      "POST https://opsview.example.com/opsview/rest/login",
      "GET https://opsview.example.com/opsview/rest/status/service?rows=all",
    ]);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ username: "bsm", password: "Pa55-word" });
    expect(calls[1].init.headers).toMatchObject({ "x-opsview-username": "bsm", "x-opsview-token": "abc" });
  });

  it("never lets the password into an error message, even when the server echoes it", async () => {
    const fetchDouble: FetchLike = async () => json(500, { message: "cannot check password Pa55-word" });
    const client = new OpsviewRestClient(SETTINGS, { fetch: fetchDouble, timeoutMs: 1_000 });
    const error = await client.getJson("/rest/status/service").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toBe("Opsview REST: POST /rest/login answered HTTP 500: cannot check password ***");
  });

  it("refuses a login answer without a token", async () => {
    const client = new OpsviewRestClient(SETTINGS, { fetch: async () => json(200, { session: "x" }), timeoutMs: 1_000 });
    await expect(client.getJson("/rest/status/service")).rejects.toThrow('Opsview REST: the login answer has no "token"');
  });

  it("logs in only once for requests made at the same time", async () => {
    let logins = 0;
    const fetchDouble: FetchLike = async (url) => {
      if (url.endsWith("/rest/login")) logins += 1;
      return url.endsWith("/rest/login") ? json(200, { token: "t" }) : json(200, {});
    };
    const client = new OpsviewRestClient(SETTINGS, { fetch: fetchDouble, timeoutMs: 1_000 });
    await Promise.all([client.getJson("/a"), client.getJson("/b"), client.getJson("/c")]);
    expect(logins).toBe(1);
  });
});
