import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { sampleOpsviewEstate, service, startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";

import { SourceUnavailableError, type MonitoringSource, type SourceEvent, type SourceServiceCheck } from "../types";
import { createOpsviewRestSource, testOpsviewRestConnection, type OpsviewRestSourceOptions } from "./index";

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

let server: FakeOpsviewRestServer;
let sources: MonitoringSource[];

beforeEach(async () => {
  server = await startOpsviewRestServer();
  sources = [];
});

afterEach(async () => {
  await Promise.all(sources.map((source) => source.close()));
  await server.stop();
});

function openSource(options: OpsviewRestSourceOptions = {}, password = server.password) {
  const source = createOpsviewRestSource(
    { baseUrl: server.url, username: server.username, password },
    { now: () => NOW, timeoutMs: 2_000, ...options },
  );
  sources.push(source);
  return source;
}

async function readFailure(read: Promise<unknown>): Promise<SourceUnavailableError> {
  const error = await read.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceUnavailableError);
  const failure = error as SourceUnavailableError;
  expect(failure.message).not.toContain("\n");
  return failure;
}

describe("Opsview REST source against a local Opsview-shaped server", () => {
  it("logs in once and sends the username and token headers on every request", async () => {
    const source = openSource();
    await source.readFull();
    await source.readFull();

    expect(server.loginCount).toBe(1);
    const apiRequests = server.requests.filter((request) => request.path !== "/rest/login");
    // Status, host templates and the service checks' configuration (for service groups), twice.
    expect(apiRequests).toHaveLength(6);
    for (const request of apiRequests) {
      expect(request.username).toBe(server.username);
      expect(request.token).toMatch(/^[0-9a-f]{40}$/);
      expect(request.status).toBe(200);
    }
    const statusRequest = apiRequests.find((request) => request.path === "/rest/status/service");
    expect(statusRequest?.query).toEqual({ rows: "all", includehandleddetails: "1" });
    const configRequest = apiRequests.find((request) => request.path === "/rest/config/servicecheck");
    expect(configRequest?.query).toEqual({ rows: "all", cols: "name,servicegroup" });
  });

  it("normalises a full read: states, flags, downtime, addresses and templates", async () => {
    const full = await openSource().readFull();

    expect(full.skipped).toEqual([]);
    expect(full.hosts).toEqual([
      {
        name: "db1",
        alias: "Primary database",
        address: "10.0.0.21",
        hostGroups: ["Databases"],
        hostTemplates: [
          { name: "Database Server", priority: 2 },
          { name: "OS - Linux", priority: 3 },
        ],
        keywords: [],
      },
      {
        name: "web1",
        alias: "Web server 1",
        address: "10.0.0.11",
        hostGroups: ["Web"],
        hostTemplates: [
          { name: "Web Server", priority: 1 },
          { name: "OS - Linux", priority: 3 },
        ],
        keywords: [],
      },
      {
        name: "web2",
        alias: "Web server 2",
        address: "",
        hostGroups: [],
        hostTemplates: [
          { name: "Web Server", priority: 1 },
          { name: "OS - Linux", priority: 3 },
        ],
        keywords: [],
      },
    ]);
    expect(full.serviceChecks).toHaveLength(8);
    const byKey = new Map(full.serviceChecks.map((check) => [`${check.host}/${check.name}`, check]));
    expect(byKey.get("db1/MySQL")).toEqual({
      host: "db1",
      name: "MySQL",
      state: "OK",
      stateType: "HARD",
      acknowledged: false,
      inDowntime: false,
      output: "MySQL OK",
      lastStateChange: 1767607200 * 1000,
      hostTemplates: ["Database Server"],
      serviceGroups: ["Database"],
    });
    expect(byKey.get("web2/HTTP")).toMatchObject({ state: "CRITICAL", acknowledged: true, inDowntime: false });
    expect(byKey.get("web2/Disk /")).toMatchObject({ inDowntime: true, hostTemplates: ["OS - Linux"] });
    expect(byKey.get("web2/Load")).toMatchObject({
      state: "CRITICAL",
      stateType: "SOFT",
      inDowntime: false,
      lastStateChange: NOW - 3_600_000,
      hostTemplates: ["Web Server", "OS - Linux"],
    });
  });

  it("reads each check's service group from the configuration API once per full read, and keeps it in the reads between", async () => {
    const events: SourceEvent[] = [];
    const source = changesSeenByPoller(openSource({ onEvent: (event) => events.push(event) }));
    const full = await source.readFull();
    const groups = (checks: SourceServiceCheck[]) => Object.fromEntries(checks.map((check) => [`${check.host}/${check.name}`, check.serviceGroups]));
    expect(groups(full.serviceChecks)).toEqual({
      "db1/MySQL": ["Database"],
      "db1/Disk /": ["Operating system"],
      "web1/HTTP": ["Web"],
      "web1/Disk /": ["Operating system"],
      "web1/Load": ["Operating system"],
      "web2/HTTP": ["Web"],
      "web2/Disk /": ["Operating system"],
      "web2/Load": ["Operating system"],
    });

    server.updateService("web1", "HTTP", { state: "critical", output: "down" });
    const changes = await source.readChanges(full.cursor);
    expect(groups(changes.serviceChecks)).toEqual({ "web1/HTTP": ["Web"] });
    expect(server.requests.filter((request) => request.path === "/rest/config/servicecheck")).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("reads checks without service groups, and says so once, when the configuration API refuses", async () => {
    delete server.estate.serviceChecks;
    const events: SourceEvent[] = [];
    const source = openSource({ onEvent: (event) => events.push(event) });
    const full = await source.readFull();
    await source.readFull();
    expect(full.serviceChecks).toHaveLength(8);
    expect(full.serviceChecks.every((check) => check.serviceGroups.length === 0)).toBe(true);
    expect(events.map((event) => [event.kind, event.message])).toEqual([
      ["info", expect.stringMatching(/^Opsview REST: service groups unknown, checks have none \(GET \/rest\/config\/servicecheck.* answered HTTP 404/)],
    ]);
  });

  it("accepts a host template listing that is a bare array", async () => {
    server.estate.wrapHostTemplates = false;
    const full = await openSource().readFull();
    expect(full.hosts.find((host) => host.name === "web1")?.hostTemplates.map((t) => t.name)).toEqual([
      "Web Server",
      "OS - Linux",
    ]);
  });

  it("leaves hosts without templates, and says so once, when the listing does not name each template's hosts", async () => {
    server.estate.hostTemplates = server.estate.hostTemplates.map(({ id, name }) => ({ id, name }));
    const events: SourceEvent[] = [];
    const source = openSource({ onEvent: (event) => events.push(event) });
    const full = await source.readFull();
    await source.readChanges(full.cursor);

    expect(full.hosts.every((host) => host.hostTemplates.length === 0)).toBe(true);
    expect(full.serviceChecks.every((check) => check.hostTemplates.length === 0)).toBe(true);
    expect(events).toEqual([{ at: NOW, kind: "info", message: expect.stringContaining("hosts have no templates") }]);
  });

  it("reports only what changed since the previous read", async () => {
    const source = changesSeenByPoller(openSource());
    const full = await source.readFull();

    const quiet = await source.readChanges(full.cursor);
    expect(quiet).toMatchObject({ hosts: [], removedHosts: [], serviceChecks: [], removedServiceChecks: [], skipped: [] });
    expect(quiet.cursor).not.toBe(full.cursor);

    server.updateService("web1", "HTTP", { state: "critical", output: "HTTP CRITICAL - 503", state_duration: "5" });
    server.updateService("web2", "HTTP", { acknowledged: "0" });
    server.estate.hosts.push({ name: "web3", alias: "Web server 3", services: [service("HTTP", 41)] });
    server.estate.hosts = server.estate.hosts.filter((host) => host.name !== "db1");
    const changes = await source.readChanges(quiet.cursor);

    expect(changes.serviceChecks.map((check) => [check.host, check.name, check.state, check.acknowledged])).toEqual([
      ["web1", "HTTP", "CRITICAL", false],
      ["web2", "HTTP", "CRITICAL", false],
      ["web3", "HTTP", "OK", false],
    ]);
    expect(changes.hosts.map((host) => host.name)).toEqual(["web3"]);
    expect(changes.removedHosts).toEqual(["db1"]);
    expect(changes.removedServiceChecks).toEqual([
      { host: "db1", name: "MySQL" },
      { host: "db1", name: "Disk /" },
    ]);

    const after = await source.readChanges(changes.cursor);
    expect(after.serviceChecks).toEqual([]);
  });

  it("reports a check whose only change is its last state change", async () => {
    const source = changesSeenByPoller(openSource());
    const full = await source.readFull();
    server.updateService("db1", "MySQL", { last_state_change: "1767610800" });
    const changes = await source.readChanges(full.cursor);
    expect(changes.serviceChecks.map((check) => [check.host, check.name, check.lastStateChange])).toEqual([["db1", "MySQL", 1767610800 * 1000]]);
  });

  it("returns everything as changed for a cursor it did not issue", async () => {
    const source = changesSeenByPoller(openSource());
    const changes = await source.readChanges("from-an-earlier-process:7");
    expect(changes.hosts).toHaveLength(3);
    expect(changes.serviceChecks).toHaveLength(8);
    expect(changes.removedHosts).toEqual([]);
  });

  it("logs in again once when the token has expired, and the read succeeds", async () => {
    const events: SourceEvent[] = [];
    const source = changesSeenByPoller(openSource({ onEvent: (event) => events.push(event) }));
    const first = await source.readFull();
    expect(server.loginCount).toBe(1);

    server.expireTokens();
    server.updateService("web1", "Load", { state: "warning" });
    const changes = await source.readChanges(first.cursor);

    expect(server.loginCount).toBe(2);
    expect(changes.serviceChecks.map((check) => `${check.host}/${check.name}:${check.state}`)).toEqual(["web1/Load:WARNING"]);
    expect(events).toEqual([{ at: NOW, kind: "info", message: expect.stringContaining("logged in again") }]);
  });

  it("gives up with 'login rejected' when the fresh token is refused too", async () => {
    const source = openSource();
    await source.readFull();
    server.refuseAllTokens(true);

    const failure = await readFailure(source.readFull());
    expect(failure.message).toMatch(/^Opsview REST: login rejected/);
    expect(server.loginCount).toBe(2);
  });

  it("refuses a wrong password with a clear message that does not contain it", async () => {
    const wrongPassword = "not-the-right-one-42";
    const failure = await readFailure(openSource({}, wrongPassword).readFull());
    expect(failure.message).toContain('login rejected for user "bsm"');
    expect(failure.message).not.toContain(wrongPassword);
    expect(server.failedLoginCount).toBe(1);
    expect(server.requests.filter((request) => request.path !== "/rest/login")).toEqual([]);
  });

  it("turns HTTP 500 into SourceUnavailableError, and reads again once the server recovers", async () => {
    const source = openSource();
    server.setFault({ fault: { kind: "respond", status: 500 }, pathPrefix: "/rest/status", times: 1 });

    const failure = await readFailure(source.readFull());
    expect(failure.message).toBe("Opsview REST: GET /rest/status/service?rows=all&includehandleddetails=1 answered HTTP 500");

    const full = await source.readFull();
    expect(full.serviceChecks).toHaveLength(8);
  });

  it("passes on the message of a JSON error answer", async () => {
    server.setFault({
      fault: { kind: "respond", status: 403, body: JSON.stringify({ message: "Access denied:\nno CONFIGUREVIEW" }) },
      pathPrefix: "/rest/runtime",
    });
    const failure = await readFailure(openSource().readFull());
    expect(failure.message).toBe("Opsview REST: GET /rest/runtime/hosttemplate?rows=all answered HTTP 403: Access denied: no CONFIGUREVIEW");
  });

  it("turns a malformed JSON body into SourceUnavailableError that says so", async () => {
    server.setFault({ fault: { kind: "malformed-json" }, pathPrefix: "/rest/status" });
    const failure = await readFailure(openSource().readFull());
    expect(failure.message).toMatch(/^Opsview REST: GET \/rest\/status\/service\?rows=all&includehandleddetails=1 returned malformed JSON \(.+\)$/);
  });

  it("turns a JSON body of the wrong shape into SourceUnavailableError", async () => {
    server.estate = { ...sampleOpsviewEstate(), hostTemplates: [] };
    server.setFault({
      fault: { kind: "respond", status: 200, body: JSON.stringify({ data: [] }) },
      pathPrefix: "/rest/status",
    });
    const failure = await readFailure(openSource().readFull());
    expect(failure.message).toContain('no "list" array');
  });

  it("times out on a server that never answers", async () => {
    server.setFault({ fault: { kind: "hang" }, pathPrefix: "/rest/status" });
    const started = performance.now();
    const failure = await readFailure(openSource({ timeoutMs: 300 }).readFull());
    expect(failure.message).toBe(
      `Opsview REST: no answer from ${server.url} within 0.3 s (GET /rest/status/service?rows=all&includehandleddetails=1)`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reports a server that is not there as unreachable", async () => {
    const gone = server;
    server = await startOpsviewRestServer();
    await gone.stop();
    const url = gone.url;
    const source = createOpsviewRestSource({ baseUrl: url, username: "bsm", password: "whatever-1" }, { timeoutMs: 2_000 });
    sources.push(source);
    const failure = await readFailure(source.readFull());
    expect(failure.message).toMatch(/^Opsview REST: cannot reach http:\/\/127\.0\.0\.1:\d+ \(POST \/rest\/login\): ECONNREFUSED/);
  });

  it("skips one malformed service row under its key and reads the others", async () => {
    server.updateService("web1", "Load", { state: "sideways" });
    server.updateService("db1", "MySQL", { acknowledged: "maybe" });
    const source = changesSeenByPoller(openSource());
    const full = await source.readFull();

    expect(full.skipped).toEqual([
      { key: "db1/MySQL", reason: 'acknowledged is not 0 or 1: "maybe"' },
      { key: "web1/Load", reason: 'unknown state "sideways"' },
    ]);
    expect(full.serviceChecks).toHaveLength(6);

    server.updateService("web1", "HTTP", { state: "warning" });
    const changes = await source.readChanges(full.cursor);
    expect(changes.removedServiceChecks).toEqual([]);
    expect(changes.serviceChecks.map((check) => `${check.host}/${check.name}`)).toEqual(["web1/HTTP"]);
    expect(changes.skipped).toHaveLength(2);
  });

  it("logs out on close and refuses to read afterwards", async () => {
    const source = openSource();
    await source.readFull();
    await source.close();
    expect(server.logoutCount).toBe(1);
    const failure = await readFailure(source.readFull());
    expect(failure.message).toBe("Opsview REST: the source is closed");
  });

  it("describes itself by its address", () => {
    expect(openSource().describe()).toBe(`Opsview REST at ${server.url}`);
  });
});

describe("testOpsviewRestConnection", () => {
  it("says what it found when the connection works", async () => {
    const result = await testOpsviewRestConnection({ baseUrl: server.url, username: server.username, password: server.password });
    expect(result).toEqual({
      ok: true,
      message: `Connected to Opsview REST at ${server.url} as "bsm": 3 hosts, 8 service checks, 3 host templates in use`,
    });
    expect(server.logoutCount).toBe(1);
  });

  it("explains a wrong password without repeating it", async () => {
    const result = await testOpsviewRestConnection({ baseUrl: server.url, username: "bsm", password: "wrong-password-9" });
    expect(result.ok).toBe(false);
    expect(result.message).toContain("login rejected");
    expect(result.message).not.toContain("wrong-password-9");
  });

  it("reports invalid settings instead of throwing", async () => {
    const result = await testOpsviewRestConnection({ baseUrl: "gopher://x", username: "", password: "secret-7" });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Invalid Opsview REST settings: baseUrl .*; username is required$/);
    expect(result.message).not.toContain("secret-7");
  });

  it("reports a timeout instead of throwing", async () => {
    server.setFault({ fault: { kind: "hang" }, pathPrefix: "/rest/login" });
    const result = await testOpsviewRestConnection(
      { baseUrl: server.url, username: "bsm", password: server.password },
      { timeoutMs: 200 },
    );
    expect(result).toEqual({ ok: false, message: `Opsview REST: no answer from ${server.url} within 0.2 s (POST /rest/login)` });
  });
});
