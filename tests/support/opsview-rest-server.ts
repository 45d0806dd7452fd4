import { randomBytes } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Opsview REST API (POST/DELETE /rest/login, GET /rest/status/service,
 * GET /rest/runtime/hosttemplate, GET /rest/config/servicecheck, GET /rest/config/bsmservice and
 * /rest/config/bsmcomponent) that answers the way Opsview does: numbers and booleans as
 * strings, 401 for a missing or expired token. The estate is mutable between reads. It also takes
 * acknowledgements and downtime (POST/DELETE /rest/acknowledge and /rest/downtime, objects chosen by
 * svc.hostname, svc.servicename or hst.hostname), which show in the status listing.
 */

/** A service row as Opsview sends it; loose so a test can plant malformed values. */
export type FakeServiceRow = Record<string, unknown> & { name?: unknown };

export interface FakeHostRow {
  name: string;
  alias?: string;
  state?: string;
  downtime?: string;
  ip?: string;
  hostgroup?: string;
  services: FakeServiceRow[];
  [field: string]: unknown;
}

export interface FakeHostTemplate {
  id: string;
  name: string;
  hosts?: { name: string; priority?: string }[];
  servicechecks?: { name: string }[];
  [field: string]: unknown;
}

/** A row of /rest/config/servicecheck: Opsview names the service group as {name, ref}. */
export interface FakeServiceCheckConfig {
  id: string;
  name: string;
  servicegroup?: { name: string; ref: string } | null;
  [field: string]: unknown;
}

/** A row of /rest/config/bsmservice as Opsview 6.8 sends it (refs may say "businesscomponent"). */
export interface FakeBsmService {
  ref: string;
  id: string;
  name: string;
  components: { ref: string; name: string }[];
  [field: string]: unknown;
}

/** A row of /rest/config/bsmcomponent: quorum_pct is the share of hosts that must be online, as a string. */
export interface FakeBsmComponent {
  ref: string;
  id: string;
  name: string;
  host_template?: { name: string; ref: string } | null;
  hosts: { name: string; ref: string }[];
  quorum_pct?: unknown;
  [field: string]: unknown;
}

/** A component row with Opsview's refs and bookkeeping fields around the given values. */
export function bsmComponent(id: number, name: string, hostTemplate: string, hosts: string[], quorumPct: string): FakeBsmComponent {
  return {
    ref: `/rest/config/bsmcomponent/${id}`,
    id: String(id),
    name,
    host_template: { name: hostTemplate, ref: `/rest/config/hosttemplate/${id}` },
    hosts: hosts.map((host, index) => ({ name: host, ref: `/rest/config/host/${index + 1}` })),
    quorum_pct: quorumPct,
    has_icon: "0",
    uncommitted: "0",
  };
}

export function bsmService(id: number, name: string, components: string[]): FakeBsmService {
  return {
    ref: `/rest/config/bsmservice/${id}`,
    id: String(id),
    name,
    uncommitted: "0",
    components: components.map((component, index) => ({ ref: `/rest/config/businesscomponent/${index + 1}`, name: component })),
  };
}

export interface FakeOpsviewEstate {
  hosts: FakeHostRow[];
  hostTemplates: FakeHostTemplate[];
  /** The configuration API's service checks; absent, that API answers 404 (as for a user without configuration access). */
  serviceChecks?: FakeServiceCheckConfig[];
  /** The configuration API's BSM objects ({list, summary} of /rest/config/bsmservice and bsmcomponent); absent, those answer 404. */
  bsmServices?: FakeBsmService[];
  bsmComponents?: FakeBsmComponent[];
  /** Opsview versions differ: a bare array, or {list: [...]} as the status calls answer. */
  wrapHostTemplates: boolean;
}

export type FakeFault =
  /** Answer with this status and body (HTML when no body is given). */
  | { kind: "respond"; status: number; body?: string }
  | { kind: "malformed-json" }
  | { kind: "hang" };

export interface FakeFaultRule {
  fault: FakeFault;
  /** Only requests whose path starts with this; all API requests (not login) when absent. */
  pathPrefix?: string;
  /** How many requests to affect; until cleared when absent. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  username: string | undefined;
  token: string | undefined;
  status: number;
}

/** A downtime set through POST /rest/downtime (epoch seconds, as Opsview takes them). */
export interface FakeDowntime {
  host: string;
  /** Null: the host itself (its services have their own entries). */
  service: string | null;
  start: number;
  end: number;
  comment: string;
  author: string;
}

/** An acknowledgement set through POST /rest/acknowledge. */
export interface FakeAcknowledgement {
  host: string;
  service: string;
  comment: string;
  sticky: boolean;
  author: string;
}

export interface FakeOpsviewRestServer {
  /** Base URL such as "http://127.0.0.1:40123". */
  readonly url: string;
  estate: FakeOpsviewEstate;
  username: string;
  password: string;
  readonly loginCount: number;
  readonly failedLoginCount: number;
  readonly logoutCount: number;
  readonly requests: RecordedRequest[];
  /** Acknowledgements and downtimes set through the REST API and not removed. */
  readonly acknowledgements: FakeAcknowledgement[];
  readonly downtimes: FakeDowntime[];
  /** Every token issued so far stops working, as when Opsview's session times out. */
  expireTokens(): void;
  /** Every token is refused, even one issued a moment ago. */
  refuseAllTokens(refuse: boolean): void;
  setFault(rule: FakeFaultRule | null): void;
  /** Changes fields of one service row in place. */
  updateService(host: string, service: string, fields: FakeServiceRow): void;
  stop(): Promise<void>;
}

export interface FakeOpsviewRestServerOptions {
  estate?: FakeOpsviewEstate;
  username?: string;
  password?: string;
  /** Serve https with this key and certificate instead of http. */
  tls?: { key: string; cert: string };
}

export function service(name: string, objectId: number, fields: Partial<Record<string, string>> = {}): FakeServiceRow {
  return {
    name,
    service_object_id: String(objectId),
    state: "ok",
    state_type: "hard",
    downtime: "0",
    acknowledged: "0",
    unhandled: "0",
    current_check_attempt: "1",
    max_check_attempts: "3",
    output: `${name} OK`,
    last_check: "2026-01-05 10:15:40",
    state_duration: "3600",
    markdown: "0",
    perfdata_available: "1",
    ...fields,
  };
}

/** Two web servers and a database server, three templates; every value a string as Opsview sends it. */
export function sampleOpsviewEstate(): FakeOpsviewEstate {
  return {
    hosts: [
      {
        name: "db1",
        alias: "Primary database",
        state: "up",
        downtime: "0",
        ip: "10.0.0.21",
        hostgroup: "Databases",
        services: [
          service("MySQL", 31, { last_state_change: "1767607200" }),
          service("Disk /", 32, { state: "warning", output: "DISK WARNING - 82% used" }),
        ],
      },
      {
        name: "web1",
        alias: "Web server 1",
        state: "up",
        downtime: "0",
        ip: "10.0.0.11",
        hostgroup: "Web",
        services: [service("HTTP", 11), service("Disk /", 12), service("Load", 13)],
      },
      {
        name: "web2",
        alias: "Web server 2",
        state: "up",
        downtime: "0",
        services: [
          service("HTTP", 21, { state: "critical", output: "Connection refused", acknowledged: "1" }),
          service("Disk /", 22, { downtime: "2" }),
          service("Load", 23, { state: "critical", state_type: "soft", downtime: "1" }),
        ],
      },
    ],
    hostTemplates: [
      {
        id: "1",
        name: "Web Server",
        hosts: [{ name: "web1" }, { name: "web2" }],
        servicechecks: [{ name: "HTTP" }, { name: "Load" }],
      },
      { id: "2", name: "Database Server", hosts: [{ name: "db1" }], servicechecks: [{ name: "MySQL" }] },
      {
        id: "3",
        name: "OS - Linux",
        hosts: [{ name: "web1" }, { name: "web2" }, { name: "db1" }],
        servicechecks: [{ name: "Disk /" }, { name: "Load" }],
      },
    ],
    serviceChecks: [
      { id: "1", name: "HTTP", servicegroup: { name: "Web", ref: "/rest/config/servicegroup/1" } },
      { id: "2", name: "Load", servicegroup: { name: "Operating system", ref: "/rest/config/servicegroup/2" } },
      { id: "3", name: "Disk /", servicegroup: { name: "Operating system", ref: "/rest/config/servicegroup/2" } },
      { id: "4", name: "MySQL", servicegroup: { name: "Database", ref: "/rest/config/servicegroup/3" } },
    ],
    wrapHostTemplates: true,
  };
}

function serviceSummary(hosts: FakeHostRow[]): Record<string, unknown> {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const host of hosts) {
    for (const row of host.services) {
      const state = typeof row.state === "string" ? row.state : "unknown";
      counts[state] = (counts[state] ?? 0) + 1;
      total += 1;
    }
  }
  return {
    total: String(total),
    service: { total: String(total), ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { total: String(v) }])) },
    host: { total: String(hosts.length) },
  };
}

/** The status rows with the downtimes set through the API: 2 while one runs, 1 while one is only scheduled. */
function withDowntimes(hosts: FakeHostRow[], downtimes: readonly FakeDowntime[]): FakeHostRow[] {
  if (downtimes.length === 0) return hosts;
  const nowSeconds = Date.now() / 1000;
  const level = (host: string, service: string | null, given: unknown): unknown => {
    const entries = downtimes.filter((entry) => entry.host === host && entry.service === service && entry.end > nowSeconds);
    if (entries.some((entry) => entry.start <= nowSeconds)) return "2";
    if (entries.length > 0 && (given === "0" || given === undefined)) return "1";
    return given;
  };
  return hosts.map((host) => ({
    ...host,
    downtime: level(host.name, null, host.downtime) as string | undefined,
    services: host.services.map((row) => ({ ...row, downtime: level(host.name, String(row.name), row.downtime) })),
  }));
}

export async function startOpsviewRestServer(options: FakeOpsviewRestServerOptions = {}): Promise<FakeOpsviewRestServer> {
  const validTokens = new Set<string>();
  const requests: RecordedRequest[] = [];
  let loginCount = 0;
  let failedLoginCount = 0;
  let logoutCount = 0;
  let refuseTokens = false;
  let faultRule: FakeFaultRule | null = null;

  const state = {
    estate: options.estate ?? sampleOpsviewEstate(),
    username: options.username ?? "bsm",
    password: options.password ?? "s3cret-pass",
  };

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      request.on("error", reject);
    });

  const takeFault = (path: string): FakeFault | null => {
    if (!faultRule) return null;
    if (faultRule.pathPrefix !== undefined ? !path.startsWith(faultRule.pathPrefix) : path === "/rest/login") return null;
    const { fault } = faultRule;
    if (faultRule.times !== undefined) {
      faultRule.times -= 1;
      if (faultRule.times <= 0) faultRule = null;
    }
    return fault;
  };

  const acknowledgements: FakeAcknowledgement[] = [];
  const downtimes: FakeDowntime[] = [];
  type Answer = { status: number; body: unknown };
  const summaryOf = (hosts: string[], services: { host: string; service: string }[]): Answer => ({
    status: 200,
    body: {
      summary: { num_hosts: String(hosts.length), num_services: String(services.length) },
      list: { hosts: hosts.map((hostname) => ({ hostname })), services: services.map(({ host, service }) => ({ hostname: host, servicename: service })) },
    },
  });
  /** Opsview's object selection: svc.* chooses services, hst.hostname a host (and, for downtime, its services). */
  const select = (query: URLSearchParams): { hosts: FakeHostRow[]; services: { host: FakeHostRow; row: FakeServiceRow }[] } => {
    const svcHost = query.get("svc.hostname");
    const svcName = query.get("svc.servicename");
    const hstName = query.get("hst.hostname");
    if (svcHost !== null || svcName !== null) {
      const services = state.estate.hosts
        .filter((host) => svcHost === null || host.name === svcHost)
        .flatMap((host) => host.services.filter((row) => svcName === null || row.name === svcName).map((row) => ({ host, row })));
      return { hosts: [], services };
    }
    if (hstName !== null) {
      const hosts = state.estate.hosts.filter((host) => host.name === hstName);
      return { hosts, services: hosts.flatMap((host) => host.services.map((row) => ({ host, row }))) };
    }
    return { hosts: [], services: [] };
  };
  const acknowledge = (method: string, query: URLSearchParams, input: Record<string, unknown>, author: string): Answer => {
    const chosen = select(query).services;
    if (method === "DELETE") {
      for (const { host, row } of chosen) {
        row.acknowledged = "0";
        acknowledgements.splice(0, acknowledgements.length, ...acknowledgements.filter((ack) => ack.host !== host.name || ack.service !== row.name));
      }
      return summaryOf([], chosen.map(({ host, row }) => ({ host: host.name, service: String(row.name) })));
    }
    const comment = typeof input.comment === "string" ? input.comment.replace(/[<>;\n]/g, "") : "";
    if (comment === "") return { status: 400, body: { message: "Error validating acknowledge parameters.", detail: "comment is required" } };
    const problems = chosen.filter(({ row }) => row.state !== "ok" && row.acknowledged !== "1");
    if (problems.length === 0) return { status: 400, body: { message: "No objects chosen for acknowledgements", detail: "" } };
    const sticky = input.sticky === "1" || input.sticky === 1 || input.sticky === true;
    for (const { host, row } of problems) {
      row.acknowledged = "1";
      acknowledgements.push({ host: host.name, service: String(row.name), comment, sticky, author });
    }
    return summaryOf([], problems.map(({ host, row }) => ({ host: host.name, service: String(row.name) })));
  };
  const downtime = (method: string, query: URLSearchParams, input: Record<string, unknown>, author: string): Answer => {
    const chosen = select(query);
    const objects = [...chosen.hosts.map((host) => ({ host: host.name, service: null as string | null })), ...chosen.services.map(({ host, row }) => ({ host: host.name, service: String(row.name) }))];
    if (method === "DELETE") {
      const remaining = downtimes.filter((entry) => !objects.some((object) => object.host === entry.host && object.service === entry.service));
      downtimes.splice(0, downtimes.length, ...remaining);
      return summaryOf(chosen.hosts.map((host) => host.name), chosen.services.map(({ host, row }) => ({ host: host.name, service: String(row.name) })));
    }
    const start = Number(input.starttime);
    const end = Number(input.endtime);
    const comment = typeof input.comment === "string" ? input.comment.replace(/[<>;\n]/g, "") : "";
    const nowSeconds = Date.now() / 1000;
    if (!Number.isFinite(start) || !Number.isFinite(end) || comment === "") return { status: 400, body: { message: "Error validating downtime parameters.", detail: "starttime, endtime and comment are required" } };
    if (start < nowSeconds - 3600) return { status: 400, body: { message: "Error validating downtime parameters.", detail: "starttime cannot be more than 1 hour in the past" } };
    if (end <= start || end - start < 60) return { status: 400, body: { message: "Error validating downtime parameters.", detail: "Must have a duration of at least 1 minute" } };
    if (objects.length === 0) return { status: 400, body: { message: "No objects chosen for downtime", detail: "" } };
    for (const object of objects) downtimes.push({ ...object, start, end, comment, author });
    return summaryOf(chosen.hosts.map((host) => host.name), chosen.services.map(({ host, row }) => ({ host: host.name, service: String(row.name) })));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<number | null> => {
    const url = new URL(request.url ?? "/", "http://placeholder");
    const path = url.pathname;
    const fault = takeFault(path);
    if (fault?.kind === "hang") return null;
    if (fault?.kind === "respond") {
      response.writeHead(fault.status, { "content-type": "text/html" });
      response.end(fault.body ?? `<html><body><h1>${fault.status} Internal Server Error</h1></body></html>`);
      return fault.status;
    }
    if (fault?.kind === "malformed-json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"list": [{"name": "web1", "services": [');
      return 200;
    }

    if (path === "/rest/login" && request.method === "POST") {
      const text = await readBody(request);
      let credentials: unknown;
      try {
        credentials = JSON.parse(text);
      } catch {
        send(response, 400, { message: "Invalid JSON in request body" });
        return 400;
      }
      const record = typeof credentials === "object" && credentials !== null ? (credentials as Record<string, unknown>) : {};
      if (request.headers["content-type"] !== "application/json" || record.username !== state.username || record.password !== state.password) {
        failedLoginCount += 1;
        send(response, 401, { message: "Invalid username or password" });
        return 401;
      }
      loginCount += 1;
      const token = randomBytes(20).toString("hex");
      validTokens.add(token);
      send(response, 200, { token });
      return 200;
    }

    const username = request.headers["x-opsview-username"];
    const token = request.headers["x-opsview-token"];
    if (refuseTokens || username !== state.username || typeof token !== "string" || !validTokens.has(token)) {
      send(response, 401, { message: "Token has expired" });
      return 401;
    }

    if (path === "/rest/login" && request.method === "DELETE") {
      validTokens.delete(token);
      logoutCount += 1;
      send(response, 200, { message: "Logged out" });
      return 200;
    }
    if (path === "/rest/status/service" && request.method === "GET") {
      const hosts = withDowntimes(state.estate.hosts, downtimes);
      send(response, 200, { list: hosts, summary: serviceSummary(hosts) });
      return 200;
    }
    if ((path === "/rest/acknowledge" || path === "/rest/downtime") && (request.method === "POST" || request.method === "DELETE")) {
      const text = request.method === "POST" ? await readBody(request) : "";
      let input: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
      if (text.trim() !== "") {
        try {
          input = { ...input, ...(JSON.parse(text) as Record<string, unknown>) };
        } catch {
          send(response, 400, { message: "Invalid JSON in request body" });
          return 400;
        }
      }
      const answer = (path === "/rest/acknowledge" ? acknowledge : downtime)(request.method, url.searchParams, input, state.username);
      send(response, answer.status, answer.body);
      return answer.status;
    }
    if (path === "/rest/runtime/hosttemplate" && request.method === "GET") {
      const templates = state.estate.hostTemplates;
      send(response, 200, state.estate.wrapHostTemplates ? { list: templates, summary: { rows: String(templates.length) } } : templates);
      return 200;
    }
    if (path === "/rest/config/servicecheck" && request.method === "GET" && state.estate.serviceChecks) {
      const checks = state.estate.serviceChecks;
      send(response, 200, { list: checks, summary: { rows: String(checks.length), allrows: String(checks.length) } });
      return 200;
    }
    const bsmRows = path === "/rest/config/bsmservice" ? state.estate.bsmServices : path === "/rest/config/bsmcomponent" ? state.estate.bsmComponents : undefined;
    if (bsmRows && request.method === "GET") {
      const rows = String(bsmRows.length);
      send(response, 200, { list: bsmRows, summary: { page: "1", totalpages: "1", totalrows: rows, rows, allrows: rows } });
      return 200;
    }
    send(response, 404, { message: `No such resource: ${request.method} ${path}` });
    return 404;
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://placeholder");
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      username: typeof request.headers["x-opsview-username"] === "string" ? request.headers["x-opsview-username"] : undefined,
      token: typeof request.headers["x-opsview-token"] === "string" ? request.headers["x-opsview-token"] : undefined,
      status: 0,
    };
    requests.push(recorded);
    handle(request, response).then(
      (status) => {
        recorded.status = status ?? 0;
      },
      () => {
        recorded.status = 500;
        if (!response.headersSent) send(response, 500, { message: "fake server error" });
      },
    );
  };

  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    get estate() {
      return state.estate;
    },
    set estate(estate: FakeOpsviewEstate) {
      state.estate = estate;
    },
    get username() {
      return state.username;
    },
    set username(username: string) {
      state.username = username;
    },
    get password() {
      return state.password;
    },
    set password(password: string) {
      state.password = password;
    },
    get loginCount() {
      return loginCount;
    },
    get failedLoginCount() {
      return failedLoginCount;
    },
    get logoutCount() {
      return logoutCount;
    },
    requests,
    acknowledgements,
    downtimes,
    expireTokens: () => validTokens.clear(),
    refuseAllTokens: (refuse) => {
      refuseTokens = refuse;
    },
    setFault: (rule) => {
      faultRule = rule && { ...rule };
    },
    updateService(hostName, serviceName, fields) {
      const host = state.estate.hosts.find((candidate) => candidate.name === hostName);
      const row = host?.services.find((candidate) => candidate.name === serviceName);
      if (!row) throw new Error(`fake Opsview: no service ${hostName}/${serviceName}`);
      Object.assign(row, fields);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
