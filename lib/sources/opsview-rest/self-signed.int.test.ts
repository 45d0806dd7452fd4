import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";

import { SourceUnavailableError } from "../types";
import { createOpsviewRestSource } from "./index";

let directory: string;
let server: FakeOpsviewRestServer;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "opsview-rest-tls-"));
  const key = path.join(directory, "key.pem");
  const cert = path.join(directory, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1"],
    { stdio: "pipe" },
  );
  server = await startOpsviewRestServer({ tls: { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") } });
});

afterAll(async () => {
  await server?.stop();
  rmSync(directory, { recursive: true, force: true });
});

function openSource(acceptSelfSigned: boolean, timeoutMs = 2_000) {
  return createOpsviewRestSource(
    { baseUrl: server.url, username: server.username, password: server.password, acceptSelfSigned },
    { timeoutMs },
  );
}

describe("Opsview REST over https with a self-signed certificate", () => {
  it("refuses the certificate by default and says how to accept it", async () => {
    const source = openSource(false);
    const error = await source.readFull().catch((caught: unknown) => caught);
    await source.close();
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/^Opsview REST: cannot reach https:\/\/127\.0\.0\.1:\d+ \(POST \/rest\/login\): .*set acceptSelfSigned/);
  });

  it("reads, logs in again after expiry and logs out with acceptSelfSigned", async () => {
    const source = openSource(true);
    const polled = changesSeenByPoller(source);
    const full = await polled.readFull();
    expect(full.serviceChecks).toHaveLength(8);
    server.expireTokens();
    const changes = await polled.readChanges(full.cursor);
    expect(changes.serviceChecks).toEqual([]);
    expect(server.loginCount).toBe(2);
    await source.close();
    expect(server.logoutCount).toBe(1);
  });

  it("times out with acceptSelfSigned too", async () => {
    server.setFault({ fault: { kind: "hang" }, pathPrefix: "/rest/runtime" });
    const source = openSource(true, 300);
    const error = await source.readFull().catch((caught: unknown) => caught);
    await source.close();
    server.setFault(null);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toBe(
      `Opsview REST: no answer from ${server.url} within 0.3 s (GET /rest/runtime/hosttemplate?rows=all)`,
    );
  });
});
