import { readFileSync, writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { startPostgresServer, type PostgresServer } from "../tests/support/postgres-server";
import {
  API_ROUTES,
  FormFields,
  MATRIX_SERVICES,
  PAGES,
  ROLE_GRANTS,
  ROLE_SAMPLES,
  ROLES,
  SERVER_ACTIONS,
  SIMULATED_SETTINGS,
  type ActionArgument,
  type ActionOutcome,
  type ApiOutcome,
  type PageOutcome,
  type Role,
  type Sample,
  type SignedInRole,
} from "../tests/access/access-matrix";
import { startAppServer, type AppServer } from "./app-server";
import { E2E_PORT, E2E_SECRET } from "./settings";

// Runs every case of tests/access/access-matrix.ts as every role against a production build on
// its own PostgreSQL, and lists each path × role whose outcome differs from the table.

const PASSWORD = "matrix-password-0123";
const emailOf = (role: SignedInRole) => `matrix-${role.toLowerCase()}@bsm.local`;
const CONCURRENCY = 3;

const REFUSAL_MESSAGE = /needs the [^"]* permission|only administrators|you may not|you do not have|not allowed to|permission denied/i;
const NOT_FOUND_MESSAGE = /\bno [a-z ]+ with id\b|\bthere is no\b|not found|\bno such\b|does not exist/i;

test.describe.configure({ mode: "serial" });

let postgres: PostgresServer | undefined;
let server: AppServer | undefined;
let prisma: PrismaClient | undefined;
const cookies = new Map<SignedInRole, string>();
const samples = new Map<Role, Sample>();
let actionIds = new Map<string, { id: string; page: string }>();
/** Every check and its result, written to test-results/ for reading after a run. */
const trace: string[] = [];
const TRACE_FILE = `test-results/access-matrix-${E2E_PORT}.txt`;

function db(): PrismaClient {
  if (!prisma) throw new Error("the database is not open");
  return prisma;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Server action ids by file and export, and a page that loads each (from the build's manifest). */
function readActionIds(): Map<string, { id: string; page: string }> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const ids = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const pages = Object.keys(entry.workers).map((worker) => `/${worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`);
    const page = pages.find((candidate) => !candidate.includes("[")) ?? pages[0];
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return ids;
}

async function seed(): Promise<void> {
  const client = db();
  await waitFor("the simulated estate's configuration", async () => (await client.component.count()) > 0 && (await client.businessService.count()) > 0 && (await client.serviceCheck.count()) > 0);
  const componentId = async (name: string) => {
    const component = await client.component.findUnique({ where: { name }, select: { id: true } });
    if (!component) throw new Error(`the simulated estate has no component ${name}; change MATRIX_SERVICES or ROLE_SAMPLES`);
    return component.id;
  };
  const serviceIds = new Map<string, number>();
  for (const [name, components] of Object.entries(MATRIX_SERVICES)) {
    const ids = await Promise.all(components.map(componentId));
    const service = await client.businessService.create({ data: { name, components: { create: ids.map((id, position) => ({ componentId: id, position })) } } });
    serviceIds.set(name, service.id);
  }
  const serviceId = (name: string) => {
    const id = serviceIds.get(name);
    if (id === undefined) throw new Error(`no matrix service ${name}`);
    return id;
  };
  const passwordHash = await hashPassword(PASSWORD);
  const userIds = new Map<SignedInRole, string>();
  const roleIds = new Map<SignedInRole, number>();
  for (const role of ROLES) {
    if (role === "anonymous") continue;
    const { isAdmin, services, ...grants } = ROLE_GRANTS[role];
    let roleId: number | null = null;
    if (!isAdmin) {
      const created = await client.role.create({
        data: {
          name: `Matrix ${role}`,
          hostGroups: [],
          keywords: [],
          ...grants,
          businessServices: { create: Object.entries(services ?? {}).map(([name, mode]) => ({ businessServiceId: serviceId(name), canEdit: mode === "edit" })) },
        },
      });
      roleId = created.id;
      roleIds.set(role, created.id);
    }
    const user = await client.user.create({ data: { email: emailOf(role), name: `Matrix ${role}`, passwordHash, isAdmin: isAdmin ?? false, roleId } });
    userIds.set(role, user.id);
  }
  const userId = (role: SignedInRole) => userIds.get(role)!;
  const profileOf = async (role: SignedInRole, name: string) =>
    (await client.notificationProfile.create({ data: { name, ownerId: userId(role), triggers: ["offline"], timePeriod: "24x7", methods: [] } })).id;
  const profiles = new Map<SignedInRole, number>();
  for (const role of userIds.keys()) profiles.set(role, await profileOf(role, `Matrix profile of ${role}`));

  const firstHostOf = async (id: number) => {
    const link = await client.componentHost.findFirst({ where: { componentId: id }, orderBy: { position: "asc" }, select: { host: { select: { name: true } } } });
    if (!link) throw new Error(`component ${id} has no hosts`);
    return link.host.name;
  };
  const throwawaySource = await client.component.findUniqueOrThrow({
    where: { name: "Payments database EU" },
    select: { id: true, hostTemplateId: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } },
  });
  const orderQueue = await componentId("Order queue EU");
  let throwaways = 0;
  for (const role of ROLES) {
    const names = ROLE_SAMPLES[role];
    const userRole: SignedInRole = role === "anonymous" ? "admin" : role;
    const own = await componentId(names.component.own);
    const foreign = await componentId(names.component.foreign);
    samples.set(role, {
      role,
      service: { own: serviceId(names.service.own), foreign: serviceId(names.service.foreign) },
      component: { own, foreign, topDownOnly: await componentId("Search cache EU") },
      host: { ofOwnComponent: await firstHostOf(own), foreign: await firstHostOf(foreign) },
      profile: { own: profiles.get(userRole)!, foreign: profiles.get(userRole === "admin" ? "bottomUp" : "admin")! },
      async componentInput(id) {
        const component = await client.component.findUniqueOrThrow({ where: { id }, select: { name: true, hostTemplateId: true, requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } } });
        return { name: component.name, hostTemplateId: component.hostTemplateId, requiredOnline: component.requiredOnline, hostIds: component.hosts.map((host) => host.hostId) };
      },
      async serviceInput(id) {
        const service = await client.businessService.findUniqueOrThrow({ where: { id }, select: { name: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } } });
        return { name: service.name, componentIds: service.components.map((link) => link.componentId) };
      },
      async throwawayComponent() {
        throwaways += 1;
        const created = await client.component.create({
          data: {
            name: `Matrix throwaway component ${throwaways}`,
            hostTemplateId: throwawaySource.hostTemplateId,
            requiredOnline: 1,
            hosts: { create: throwawaySource.hosts.map((host, position) => ({ hostId: host.hostId, position })) },
          },
        });
        return created.id;
      },
      async throwawayService() {
        throwaways += 1;
        const roleId = role === "anonymous" ? undefined : roleIds.get(role);
        const editable = roleId !== undefined && ROLE_GRANTS[role as SignedInRole].configureBsm === true;
        const created = await client.businessService.create({
          data: {
            name: `Matrix throwaway service ${throwaways}`,
            components: { create: [{ componentId: orderQueue, position: 0 }] },
            roles: editable ? { create: [{ roleId, canEdit: true }] } : undefined,
          },
        });
        return created.id;
      },
      async throwawayProfile() {
        throwaways += 1;
        return profileOf(userRole, `Matrix throwaway profile ${throwaways}`);
      },
    });
  }
}

async function signInAs(role: SignedInRole): Promise<string> {
  const base = server!.url;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: emailOf(role), password: PASSWORD, callbackUrl: base, json: "true" }),
  });
  keep(response);
  await response.body?.cancel();
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`signing in as ${role} failed (status ${response.status})`);
  return cookieHeader();
}

/** /hosts/[host] shows host elements: reflect every sample host (as the administrator, through its actions). */
async function reflectSampleHosts(): Promise<void> {
  const hosts = new Set([...samples.values()].flatMap((sample) => [sample.host.ofOwnComponent, sample.host.foreign]));
  for (const host of hosts) {
    for (const [action, fields] of [
      ["setHostExportAction", { host, exportEnabled: "true" }],
      ["reflectHostAction", { host }],
    ] as const) {
      const { got, detail } = await requestAction("admin", `lib/actions/overview.ts#${action}`, [{ status: "idle" }, new FormFields(fields)]);
      if (got !== "allowed" || !detail.includes('"ok"')) throw new Error(`${action} for ${host} failed: ${got} ${detail}`);
    }
  }
  await waitFor("the host elements", async () => (await db().hostElement.count()) >= hosts.size, 30);
}

function headersFor(role: Role): Record<string, string> {
  return role === "anonymous" ? {} : { cookie: cookies.get(role)! };
}

function isSignInRedirect(response: Response): boolean {
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !location) return false;
  return new URL(location, server!.url).pathname === "/signin";
}

async function requestPage(role: Role, url: string): Promise<{ got: string; html: string }> {
  const response = await fetch(`${server!.url}${url}`, { headers: headersFor(role), redirect: "manual" });
  const html = response.status === 200 ? await response.text() : "";
  await response.body?.cancel().catch(() => {});
  if (isSignInRedirect(response)) return { got: "signin", html };
  if (response.status === 200 || (response.status >= 300 && response.status < 400)) return { got: "allowed", html };
  return { got: String(response.status), html };
}

function pageMatches(expected: PageOutcome, got: string): boolean {
  return String(expected) === got;
}

async function requestApi(role: Role, method: string, url: string, body: unknown): Promise<string> {
  const abort = new AbortController();
  const headers: Record<string, string> = { ...headersFor(role), origin: server!.url };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server!.url}${url}`, {
    method,
    headers,
    redirect: "manual",
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: abort.signal,
  });
  // The event stream never ends: the status line is all that is judged.
  abort.abort();
  await response.body?.cancel().catch(() => {});
  if (isSignInRedirect(response)) return "signin";
  if ([401, 403, 404].includes(response.status)) return String(response.status);
  if (response.status >= 500) return String(response.status);
  return "allowed";
}

function apiMatches(expected: ApiOutcome, got: string): boolean {
  if (expected === "403/404") return got === "403" || got === "404";
  return String(expected) === got;
}

/** React's reply encoding: JSON, or multipart with the FormData arguments as "_<n>_<field>" parts. */
function encodeArguments(args: ActionArgument[]): { body: string | FormData; contentType?: string } {
  const form = new FormData();
  let nextPart = 1;
  const encode = (value: ActionArgument): unknown => {
    if (value instanceof FormFields) {
      const part = nextPart++;
      for (const [name, fieldValue] of Object.entries(value.fields)) form.append(`_${part}_${name}`, fieldValue);
      return `$K${part.toString(16)}`;
    }
    if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
    if (Array.isArray(value)) return value.map(encode);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, encode(entry)]));
    return value;
  };
  const json = JSON.stringify(args.map(encode));
  if (nextPart === 1) return { body: json, contentType: "text/plain;charset=UTF-8" };
  form.set("0", json);
  return { body: form };
}

/** The action's own result from a React flight response: row 0 points at it ("$@<row>"). */
function actionResultOf(flight: string): string {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const root = rows.get("0");
  if (root === undefined) return flight.slice(0, 300);
  try {
    const parsed = JSON.parse(root) as { a?: unknown };
    if (typeof parsed.a === "string" && parsed.a.startsWith("$@")) return rows.get(parsed.a.slice(2)) ?? "";
    return JSON.stringify(parsed.a ?? parsed);
  } catch {
    return root;
  }
}

async function requestAction(role: Role, key: string, args: ActionArgument[]): Promise<{ got: string; detail: string }> {
  const action = actionIds.get(key);
  if (!action) return { got: "missing from the build", detail: "" };
  const { body, contentType } = encodeArguments(args);
  const headers: Record<string, string> = { ...headersFor(role), "next-action": action.id, origin: server!.url, accept: "text/x-component" };
  if (contentType) headers["content-type"] = contentType;
  const response = await fetch(`${server!.url}${action.page}`, { method: "POST", headers, body, redirect: "manual" });
  const text = await response.text();
  const actionRedirect = response.headers.get("x-action-redirect");
  if (isSignInRedirect(response) || actionRedirect?.startsWith("/signin")) return { got: "signin", detail: "" };
  if (response.status >= 300) return { got: String(response.status), detail: text.slice(0, 200) };
  const result = actionResultOf(text);
  if (result.startsWith("E")) return { got: "error", detail: result.slice(0, 200) };
  if (REFUSAL_MESSAGE.test(result)) return { got: "refused", detail: result.slice(0, 200) };
  if (NOT_FOUND_MESSAGE.test(result)) return { got: "notFound", detail: result.slice(0, 200) };
  return { got: "allowed", detail: result.slice(0, 200) };
}

function actionMatches(expected: ActionOutcome, got: string): boolean {
  if (expected === "denied") return got === "refused" || got === "notFound";
  return expected === got;
}

interface Mismatch {
  path: string;
  what: string;
  expected: string;
  got: string;
  detail: string;
}

/** Runs jobs a few at a time (the app server shares two cores with everything else). */
async function inBatches(jobs: (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
}

async function runMatrixAs(role: Role): Promise<Mismatch[]> {
  const sample = samples.get(role)!;
  const mismatches: Mismatch[] = [];
  const check = (matches: boolean, path: string, what: string, expected: string, got: string, detail = "") => {
    const mismatch = { path, what, expected, got, detail };
    if (!matches) mismatches.push(mismatch);
    trace.push(`${matches ? "ok  " : "FAIL"} ${describeMismatch(role, mismatch)}`);
  };
  const jobs: (() => Promise<void>)[] = [];
  for (const row of PAGES) {
    for (const entry of row.cases) {
      jobs.push(async () => {
        const { got, html } = await requestPage(role, entry.url(sample));
        check(pageMatches(entry.expect[role], got), `page ${row.route}`, `${entry.what} (${entry.url(sample)})`, String(entry.expect[role]), got);
        for (const hidden of entry.mustNotShow ?? []) {
          const shown = hidden.roles.includes(role) && hidden.html.exec(html);
          if (hidden.roles.includes(role)) check(!shown, `page ${row.route}`, `${entry.what} (${entry.url(sample)})`, `no ${hidden.what}`, shown ? "shows it" : "none", shown ? shown[0] : "");
        }
      });
    }
  }
  for (const row of API_ROUTES) {
    for (const [method, cases] of Object.entries(row.methods)) {
      for (const entry of cases ?? []) {
        jobs.push(async () => {
          const url = entry.url(sample);
          const got = await requestApi(role, method, url, await entry.body?.(sample));
          check(apiMatches(entry.expect[role], got), `${method} ${row.route}`, `${entry.what} (${url})`, String(entry.expect[role]), got);
        });
      }
    }
  }
  const actionJob = (row: (typeof SERVER_ACTIONS)[number], entry: (typeof SERVER_ACTIONS)[number]["cases"][number]) => async () => {
    const { got, detail } = await requestAction(role, `${row.file}#${row.name}`, await entry.args(sample));
    check(actionMatches(entry.expect[role], got), `action ${row.name}`, entry.what, entry.expect[role], got, detail);
  };
  for (const row of SERVER_ACTIONS) for (const entry of row.cases) if (!entry.mutates) jobs.push(actionJob(row, entry));
  await inBatches(jobs);
  // Whatever changes data goes last, one at a time.
  for (const row of SERVER_ACTIONS) for (const entry of row.cases) if (entry.mutates) await actionJob(row, entry)();
  return mismatches;
}

function describeMismatch(role: Role, entry: Mismatch): string {
  return `${entry.path} × ${role}: ${entry.what} → expected ${entry.expected}, got ${entry.got}${entry.detail ? ` [${entry.detail.replace(/\s+/g, " ")}]` : ""}`;
}

function describeMismatches(role: Role, mismatches: Mismatch[]): string {
  const lines = mismatches.sort((a, b) => a.path.localeCompare(b.path)).map((entry) => `  ${describeMismatch(role, entry)}`);
  return `${mismatches.length} path(s) answer ${role} differently from tests/access/access-matrix.ts:\n${lines.join("\n")}`;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  actionIds = readActionIds();
  postgres = await startPostgresServer();
  const databaseUrl = postgres.url();
  server = await startAppServer("access-matrix", {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: E2E_SECRET,
    BSM_SEED_DEMO: "0",
    BSM_SOURCE: "simulated",
    BSM_SOURCE_SETTINGS: JSON.stringify(SIMULATED_SETTINGS),
    BSM_POLL_INTERVAL_SECONDS: "2",
  });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await seed();
  for (const role of ROLES) if (role !== "anonymous") cookies.set(role, await signInAs(role));
  await reflectSampleHosts();
});

test.afterAll(async () => {
  writeFileSync(TRACE_FILE, `${trace.join("\n")}\n`);
  await prisma?.$disconnect();
  await server?.stop();
  postgres?.stop();
});

// One test, one server: a failing role must not restart the worker (and the server) for the next.
test("access matrix: every page, API route and server action as every role", async () => {
  test.setTimeout(600_000);
  const listed = new Set(SERVER_ACTIONS.map((row) => `${row.file}#${row.name}`));
  expect.soft([...actionIds.keys()].filter((key) => !listed.has(key)), "server actions in the build that tests/access/access-matrix.ts does not list").toEqual([]);
  for (const role of ROLES) {
    await test.step(`as ${role}`, async () => {
      const mismatches = await runMatrixAs(role);
      expect.soft(mismatches, `${describeMismatches(role, mismatches)}\n(every check: ${TRACE_FILE})`).toEqual([]);
    });
  }
});
