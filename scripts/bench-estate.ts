// Issue 13's estate for the benchmarks that serve the app (bench-memory, bench-reads): the simulated
// estate at its largest (5,000 hosts, ~35,000 checks) configured like the Icinga estate of
// bench-icinga: ~500 components of 10 hosts of one template (7 required) and ~125 business services
// of 4 components, seeded into a migrated database; and how a benchmark builds the app, finds its
// server process and signs in over HTTP.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/client";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { createSimulatedSource } from "../lib/sources/simulated";
import type { SourceHost } from "../lib/sources/types";

const root = path.resolve(import.meta.dirname, "..");

export const SIMULATED_ESTATE = { seed: 7, hosts: 5_000, businessServices: 15 };
const COMPONENTS = 500;
const HOSTS_PER_COMPONENT = 10;
const COMPONENTS_PER_SERVICE = 4;

export interface SeededEstate {
  hosts: number;
  components: number;
  businessServices: number;
  /** Every host group of the estate's hosts, sorted. */
  hostGroups: string[];
}

/** The estate's hosts grouped by primary template, 10 to a component, 4 components to a service. */
export async function seedIssue13Estate(databaseUrl: string): Promise<SeededEstate> {
  const database = openDatabase({ kind: "postgres", url: databaseUrl });
  try {
    await database.migrate();
    const { hosts } = await createSimulatedSource({ ...SIMULATED_ESTATE, now: Date.now }).readFull();
    const byTemplate = new Map<string, string[]>();
    for (const host of hosts) {
      const primary = [...host.hostTemplates].sort((a, b) => a.priority - b.priority)[0].name;
      byTemplate.set(primary, [...(byTemplate.get(primary) ?? []), host.name]);
    }
    const components = [...byTemplate]
      .flatMap(([template, names]) =>
        Array.from({ length: Math.floor(names.length / HOSTS_PER_COMPONENT) }, (_, slot) => ({
          hostTemplate: template,
          hosts: names.slice(slot * HOSTS_PER_COMPONENT, (slot + 1) * HOSTS_PER_COMPONENT),
          requiredOnline: 7,
        })),
      )
      .slice(0, COMPONENTS)
      .map((component, index) => ({ ...component, name: `Component ${index}` }));
    const businessServices = Array.from({ length: Math.floor(components.length / COMPONENTS_PER_SERVICE) }, (_, service) => ({
      name: `Service ${service}`,
      components: components.slice(service * COMPONENTS_PER_SERVICE, (service + 1) * COMPONENTS_PER_SERVICE).map((component) => component.name),
    }));
    await seedConfigurationIfEmpty(database, { hosts, components, businessServices }, Date.now());
    return { hosts: hosts.length, components: components.length, businessServices: businessServices.length, hostGroups: hostGroupsOf(hosts) };
  } finally {
    await database.close();
  }
}

function hostGroupsOf(hosts: readonly SourceHost[]): string[] {
  return [...new Set(hosts.flatMap((host) => host.hostGroups))].sort();
}

/** A production build of the app into distDir (NEXT_DIST_DIR). */
export function buildApp(distDir: string): void {
  console.log(`Building the app into ${distDir}…`);
  const built = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) throw new Error(`next build failed with ${built.status}`);
}

/** The web server's process (scripts/serve.mjs under `npm start`), found by its command line and port. */
export function webServerPid(port: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("scripts/serve.mjs")) continue;
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // ended while we looked
    }
  }
  throw new Error(`no scripts/serve.mjs process serves port ${port}`);
}

/** A session cookie header through next-auth's credentials endpoint, as a browser signs in. */
export async function signInCookie(base: string, credentials: { email: string; password: string }): Promise<string> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  remember(
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
      body: new URLSearchParams({ ...credentials, csrfToken, json: "true" }),
    }),
  );
  if (![...cookies.keys()].some((name) => name.endsWith("session-token"))) throw new Error(`could not sign in as ${credentials.email}`);
  return header();
}

/** A read-only API token, made as an operator makes one (POST /api/tokens with their session). */
export async function createReadOnlyToken(base: string, cookie: string, name = "bench"): Promise<string> {
  const response = await fetch(`${base}/api/tokens`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ name, scope: "read-only" }),
  });
  if (response.status !== 201) throw new Error(`POST /api/tokens: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
