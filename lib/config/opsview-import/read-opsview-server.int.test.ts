import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bsmComponent, bsmService, startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";
import { readOpsviewServer } from "./read-opsview-configuration";

describe("reading Opsview's BSM configuration from a server with a self-signed certificate", () => {
  let directory: string;
  let server: FakeOpsviewRestServer;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), "opsview-import-tls-"));
    const key = path.join(directory, "key.pem");
    const cert = path.join(directory, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      { stdio: "pipe" },
    );
    server = await startOpsviewRestServer({ tls: { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") } });
    server.estate = { ...server.estate, bsmComponents: [bsmComponent(1, "Web", "Web Server", ["web1", "web2"], "50")], bsmServices: [bsmService(1, "Shop", ["Web"])] };
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const settings = (acceptSelfSigned: boolean) => ({ baseUrl: server.url, username: server.username, password: server.password, acceptSelfSigned });

  it("refuses the certificate unless told to accept it, saying how, and reads both lists when told", async () => {
    await expect(readOpsviewServer(settings(false), { timeoutMs: 3_000 })).rejects.toThrow(/set acceptSelfSigned to trust a self-signed certificate/);
    const lists = await readOpsviewServer(settings(true), { timeoutMs: 3_000 });
    expect(lists.bsmcomponent).toEqual(server.estate.bsmComponents);
    expect(lists.bsmservice).toEqual(server.estate.bsmServices);
    expect(server.logoutCount).toBeGreaterThan(0);
  });

  it("says when the server does not answer in time, without the password", async () => {
    server.setFault({ fault: { kind: "hang" }, pathPrefix: "/rest/config/bsm" });
    const error = await readOpsviewServer(settings(true), { timeoutMs: 500 }).catch((caught: unknown) => caught);
    server.setFault(null);
    expect(String(error)).toMatch(/server: Opsview REST: no answer from https:\/\/127\.0\.0\.1:\d+ within 0\.5 s/);
    expect(String(error)).not.toContain(server.password);
  });
});
