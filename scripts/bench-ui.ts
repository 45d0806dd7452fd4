// `npm run bench:ui`: the Summary in Chromium against a large estate: 1,000 business services of
// 5 components, 5,000 components of 3 hosts, over the simulated source's 5,000 hosts (polled every
// second, so states change live). Prints how long the Summary takes to become interactive, how
// long a live event takes to repaint a tile, and how long the header's search takes to show its
// results (and /api/search to answer), and how long the topology takes to draw its first nodes
// (every host a host element). Uses the build in NEXT_DIST_DIR (default .next-bench-ui).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { openDatabase } from "../lib/db/client";
import { upsertHosts } from "../lib/poller/estate-store";
import { generateSimulatedEstate } from "../lib/sources/simulated";
import { chromiumLaunchOptions } from "../e2e/settings";

const SERVICES = 1_000;
const COMPONENTS_PER_SERVICE = 5;
const COMPONENTS = 5_000;
const HOSTS_PER_COMPONENT = 3;
const SIMULATED = { seed: 11, hosts: 5_000, eventsPerHour: 6_000 };
const PORT = Number(process.env.BENCH_UI_PORT ?? 3119);
const DATA_DIR = `./data/bench-ui-${PORT}`;
const ADMIN = { email: "bench@bsm.local", password: "bench-ui-password" };
const LOADS = 5;
const LIVE_SECONDS = 40;
/** Names in the bench estate: services "Service 0001", components "Component 0001", hosts "web-eu-0001", checks "HTTP". */
const SEARCH_QUERIES = ["serv", "Service 04", "comp", "Component 12", "web-eu", "db-us-01", "http", "replication", "cache", "0042", "lb-ap", "queue"];
const SEARCH_API_ROUNDS = 3;

const root = path.resolve(import.meta.dirname, "..");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value: number) => `${Math.round(value)} ms`;

async function seedEstate(): Promise<void> {
  // BENCH_UI_REUSE_DATA=1 keeps an estate seeded (and polled) by an earlier run: the first full
  // poll of a fresh estate takes minutes on a busy machine.
  if (process.env.BENCH_UI_REUSE_DATA === "1" && existsSync(path.join(root, DATA_DIR))) return;
  rmSync(path.join(root, DATA_DIR), { recursive: true, force: true });
  const estate = generateSimulatedEstate(SIMULATED);
  const database = openDatabase({ kind: "pglite", dataDir: DATA_DIR });
  await database.migrate();
  await database.withConnection((connection) => connection.transaction((tx) => upsertHosts(tx, estate.hosts, Date.now())));
  const { prisma } = database;
  const hosts = await prisma.host.findMany({ select: { id: true, name: true, templates: { orderBy: { priority: "asc" }, take: 1, select: { hostTemplateId: true } } } });
  const byTemplate = new Map<number, number[]>();
  for (const host of hosts) {
    const template = host.templates[0]?.hostTemplateId;
    if (template === undefined) continue;
    byTemplate.set(template, [...(byTemplate.get(template) ?? []), host.id]);
  }
  const templates = [...byTemplate.keys()];
  await prisma.component.createMany({
    data: Array.from({ length: COMPONENTS }, (_, index) => ({
      name: `Component ${String(index + 1).padStart(4, "0")}`,
      hostTemplateId: templates[index % templates.length],
      requiredOnline: 2,
    })),
  });
  const components = await prisma.component.findMany({ orderBy: { id: "asc" }, select: { id: true, hostTemplateId: true } });
  await prisma.componentHost.createMany({
    data: components.flatMap((component, index) => {
      const pool = byTemplate.get(component.hostTemplateId) ?? [];
      return Array.from({ length: HOSTS_PER_COMPONENT }, (_, position) => ({
        componentId: component.id,
        hostId: pool[(index * HOSTS_PER_COMPONENT + position) % pool.length],
        position,
      }));
    }),
    skipDuplicates: true,
  });
  await prisma.businessService.createMany({
    data: Array.from({ length: SERVICES }, (_, index) => ({ name: `Service ${String(index + 1).padStart(4, "0")}` })),
  });
  const services = await prisma.businessService.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await prisma.businessServiceComponent.createMany({
    data: services.flatMap((service, index) =>
      Array.from({ length: COMPONENTS_PER_SERVICE }, (_, position) => ({
        businessServiceId: service.id,
        componentId: components[(index * COMPONENTS_PER_SERVICE + position) % components.length].id,
        position,
      })),
    ),
  });
  // Every host a host element, as after Reflect All: the topology's connectivity covers all 15,000 component hosts.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "ReflectedHost" (host, "hostType", "exportEnabled")
     SELECT h.name, COALESCE((SELECT ht.name FROM "HostTemplateOnHost" t JOIN "HostTemplate" ht ON ht.id = t."hostTemplateId"
       WHERE t."hostId" = h.id ORDER BY t.priority, ht.name LIMIT 1), '(no host template)'), true FROM "Host" h`,
  );
  await prisma.$executeRawUnsafe(`INSERT INTO "HostElement" (host, "hostType") SELECT host, "hostType" FROM "ReflectedHost"`);
  await database.close();
}

function startServer(): ChildProcess {
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench-ui",
      PORT: String(PORT),
      DATABASE_URL: `pglite:${DATA_DIR}`,
      NEXTAUTH_SECRET: "bench-ui-secret-0123456789abcdef0123456789",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      BSM_ADMIN_EMAIL: ADMIN.email,
      BSM_ADMIN_PASSWORD: ADMIN.password,
      BSM_SEED_DEMO: "0",
      BSM_SOURCE: "simulated",
      BSM_SOURCE_SETTINGS: JSON.stringify(SIMULATED),
      BSM_POLL_INTERVAL_SECONDS: "1",
    },
  });
  return server;
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the app did not start within 10 minutes");
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`http://localhost:${PORT}/signin`);
  await page.locator("form[data-hydrated=true]").waitFor();
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard", exact: true }).waitFor();
}

/** From navigation start until all tiles are shown and the first one answers a click with its menu (hydrated). */
async function timeSummaryInteractive(page: Page): Promise<{ interactiveMs: number; tiles: number }> {
  const started = Date.now();
  await page.goto(`http://localhost:${PORT}/summary`, { waitUntil: "commit" });
  const firstTile = page.getByTestId("service-tile").first().getByRole("button");
  await firstTile.waitFor();
  for (;;) {
    await firstTile.click();
    if (await page.getByRole("menuitem", { name: "Investigate" }).isVisible()) break;
    await page.waitForTimeout(5);
  }
  const interactiveMs = Date.now() - started;
  await page.keyboard.press("Escape");
  // Tiles out of view are not rendered; the list says how many it holds.
  return { interactiveMs, tiles: Number(await page.getByTestId("service-tiles").getAttribute("data-count")) };
}

/** From navigation start until the topology's graph shows its first nodes and the next frame is drawn. */
async function timeTopologyFirstPaint(page: Page, query: string): Promise<{ paintMs: number; nodes: string }> {
  const started = Date.now();
  await page.goto(`http://localhost:${PORT}/bsm/topology?${query}`, { waitUntil: "commit" });
  await page.locator("[data-testid=topology-node]").first().waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const paintMs = Date.now() - started;
  return { paintMs, nodes: ((await page.getByTestId("topology-counts").textContent()) ?? "").split(" —")[0]! };
}

/**
 * Live repaint: for each tile whose state, impacted or acknowledged mark changes to what a live
 * event said, the time from that event's arrival to the next animation frame after the DOM
 * change. Tile changes no event carried (brought by a refetch) are counted apart.
 */
async function measureLiveRepaint(page: Page, seconds: number): Promise<{ samples: number[]; events: number; unmatched: number }> {
  await page.evaluate(() => {
    const record = window as unknown as { bsmEvents: LiveServiceEvent[]; repaints: number[]; unmatched: number };
    record.bsmEvents = [];
    record.repaints = [];
    record.unmatched = 0;
    const tiles = document.querySelector('[data-testid="service-tiles"]');
    if (!tiles) throw new Error("no tiles");
    // Tiles out of view are not rendered, so a service that a change sorts into view arrives as a
    // new tile: what each service last showed tells a change from a tile that only moved.
    // (Not `const keyOf = …`: tsx would wrap a named function in a helper the page does not have.)
    const [keyOf] = [(tile: HTMLElement) => `${tile.dataset.state}|${tile.dataset.impacted}|${tile.dataset.acknowledged}`];
    const shown = new Map<string, string>();
    for (const tile of tiles.querySelectorAll<HTMLElement>("[data-service-id]")) shown.set(tile.dataset.serviceId!, keyOf(tile));
    new MutationObserver((mutations) => {
      const changedAt = performance.now();
      const touched = new Set<HTMLElement>();
      for (const mutation of mutations) {
        if (mutation.type === "attributes" && mutation.target instanceof HTMLElement && mutation.target.dataset.serviceId) touched.add(mutation.target);
        for (const node of mutation.addedNodes) if (node instanceof HTMLElement && node.dataset.serviceId) touched.add(node);
      }
      for (const tile of touched) {
        const id = tile.dataset.serviceId!;
        const key = keyOf(tile);
        const before = shown.get(id);
        shown.set(id, key);
        if (before === key) continue;
        const event = record.bsmEvents
          .filter((candidate) => candidate.at <= changedAt)
          .findLast((candidate) => candidate.services.some((change) => change.id === id && `${change.state}|${change.impacted}|${change.acknowledged}` === key));
        if (event !== undefined && (before !== undefined || changedAt - event.at < 5_000)) {
          requestAnimationFrame(() => record.repaints.push(performance.now() - event.at));
        } else if (before !== undefined) {
          record.unmatched += 1;
        }
      }
    }).observe(tiles, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-impacted", "data-acknowledged"] });
  });
  await page.waitForTimeout(seconds * 1000);
  return page.evaluate(() => {
    const record = window as unknown as { bsmEvents: LiveServiceEvent[]; repaints: number[]; unmatched: number };
    return { samples: record.repaints, events: record.bsmEvents.length, unmatched: record.unmatched };
  });
}

/**
 * Search: the query is put in the header's box in one input event (as a paste would), and the time
 * runs until the list shows the results for that query (after the box's debounce, the request and
 * the render) and the next frame. Every query is new to the page, so none is answered from cache.
 */
async function measureSearch(page: Page): Promise<{ shown: number[]; api: number[] }> {
  const shown: number[] = [];
  const box = page.getByRole("combobox", { name: "Search services, components, hosts and checks" });
  await box.waitFor();
  // Warm-up: the first search of a process reads the check index (see lib/search/check-names.ts).
  await page.evaluate(async () => (await fetch("/api/search?q=warm-up", { cache: "no-store" })).ok);
  for (const query of SEARCH_QUERIES) {
    await box.fill("");
    await page.waitForTimeout(200);
    shown.push(
      await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="global-search"] input');
        const list = document.querySelector('[data-testid="global-search-results"]');
        if (!input || !list) throw new Error("no search box");
        input.focus();
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
        const started = performance.now();
        setValue.call(input, q);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        // (Not `const shows = …`: tsx would wrap a named function in a helper the page does not have.)
        const [shows] = [() => list.getAttribute("data-query") === q && !list.closest("[hidden]")];
        if (!shows()) {
          await new Promise<void>((resolve) => {
            new MutationObserver((_, observer) => {
              if (!shows()) return;
              observer.disconnect();
              resolve();
            }).observe(list.parentElement!, { subtree: true, childList: true, attributes: true, characterData: true });
          });
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - started;
      }, query),
    );
  }
  await box.fill("");
  // The API alone, from the same browser session: request sent → JSON read.
  const api: number[] = [];
  for (let round = 0; round < SEARCH_API_ROUNDS; round++) {
    for (const query of SEARCH_QUERIES) {
      api.push(
        await page.evaluate(async (q) => {
          const started = performance.now();
          const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { cache: "no-store" });
          if (!response.ok) throw new Error(`/api/search answered ${response.status}`);
          await response.json();
          return performance.now() - started;
        }, query),
      );
    }
  }
  return { shown, api };
}

interface LiveServiceEvent {
  at: number;
  services: { id: string; state: string; impacted: boolean; acknowledged: boolean }[];
}

async function main() {
  console.log(`Seeding ${SERVICES} business services, ${COMPONENTS} components over ${SIMULATED.hosts} simulated hosts in ${DATA_DIR}…`);
  const seedStarted = Date.now();
  await seedEstate();
  console.log(`Seeded in ${ms(Date.now() - seedStarted)}. Starting the app on port ${PORT}…`);
  const server = startServer();
  const stop = () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth();
    const browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Record when each live BSM event reaches the page, on the app's own EventSource.
    await context.addInitScript(() => {
      const record = window as unknown as { bsmEvents: LiveServiceEvent[] };
      record.bsmEvents = [];
      const Original = window.EventSource;
      window.EventSource = class extends Original {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          this.addEventListener("bsm", (message) => {
            const at = performance.now();
            const event = JSON.parse((message as MessageEvent<string>).data) as {
              changes?: { objectType: string; objectKey: string; state: string; impacted: boolean; acknowledged: boolean }[];
            };
            const services = (event.changes ?? [])
              .filter((change) => change.objectType === "BUSINESS_SERVICE")
              .map((change) => ({ id: change.objectKey, state: change.state, impacted: change.impacted, acknowledged: change.acknowledged }));
            record.bsmEvents.push({ at, services });
          });
        }
      };
    });
    const page = await context.newPage();
    // The poller's first full read of 5,000 hosts runs in the same process and holds it for a while.
    page.setDefaultTimeout(600_000);
    await signIn(page);
    for (let warmUp = 0; warmUp < 2; warmUp++) await timeSummaryInteractive(page);
    await page.waitForTimeout(3000);

    const loads: number[] = [];
    let tiles = 0;
    for (let run = 0; run < LOADS; run++) {
      const result = await timeSummaryInteractive(page);
      loads.push(result.interactiveMs);
      tiles = result.tiles;
    }
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { responseEnd: entry.responseEnd, domInteractive: entry.domInteractive, domContentLoaded: entry.domContentLoadedEventEnd };
    });
    const live = await measureLiveRepaint(page, LIVE_SECONDS);
    const search = await measureSearch(page);
    const topology: { scope: string; paints: number[]; nodes: string }[] = [];
    for (const [scope, query] of [
      ["whole estate (services, components collapsed)", "scope=estate"],
      ["one service, expanded (components and host elements)", "scope=service:1"],
      ["whole estate with 10 services expanded", `scope=estate&expand=${Array.from({ length: 10 }, (_, index) => `service:${index + 1}`).join(",")}`],
    ] as const) {
      for (let warmUp = 0; warmUp < 2; warmUp++) await timeTopologyFirstPaint(page, query);
      const paints: number[] = [];
      let nodes = "";
      for (let run = 0; run < LOADS; run++) {
        const result = await timeTopologyFirstPaint(page, query);
        paints.push(result.paintMs);
        nodes = result.nodes;
      }
      topology.push({ scope, paints, nodes });
    }
    await browser.close();

    console.log("");
    console.log(`Summary with ${tiles} tiles (${SERVICES} services, ${COMPONENTS} components), Chromium 1280×800:`);
    console.log(`  interactive (navigation → all tiles shown and the first answers a click), ${LOADS} loads: median ${ms(median(loads))}, best ${ms(Math.min(...loads))}, worst ${ms(Math.max(...loads))}  [target ≤ 1500 ms]`);
    console.log(`  last load: response end ${ms(navigation.responseEnd)}, DOM interactive ${ms(navigation.domInteractive)}, DOMContentLoaded ${ms(navigation.domContentLoaded)}`);
    if (live.samples.length === 0) {
      console.log(`  live repaint: no tile changed by a live event in ${LIVE_SECONDS} s (${live.events} live events, ${live.unmatched} tile changes no event carried)`);
    } else {
      console.log(
        `  live repaint (event arrives → next frame after the tile shows what it said), ${live.samples.length} tile changes from ${live.events} events in ${LIVE_SECONDS} s: median ${ms(median(live.samples))}, p95 ${ms(percentile(live.samples, 0.95))}, worst ${ms(Math.max(...live.samples))}  [target ≤ 100 ms]; ${live.unmatched} tile changes no event carried`,
      );
    }
    console.log(
      `  search (query put in the header box → its results shown, next frame), ${search.shown.length} queries: median ${ms(median(search.shown))}, p95 ${ms(percentile(search.shown, 0.95))}, worst ${ms(Math.max(...search.shown))}  [target ≤ 100 ms]`,
    );
    const slowest = search.shown.indexOf(Math.max(...search.shown));
    console.log(`    slowest query: "${SEARCH_QUERIES[slowest]}" (${ms(search.shown[slowest])}); each query: ${SEARCH_QUERIES.map((query, index) => `${query} ${ms(search.shown[index])}`).join(", ")}`);
    console.log(
      `    of which /api/search alone (request → JSON read), ${search.api.length} requests: median ${ms(median(search.api))}, p95 ${ms(percentile(search.api, 0.95))}, worst ${ms(Math.max(...search.api))}`,
    );
    console.log(`Topology (navigation → first nodes drawn, next frame), ${LOADS} loads each:`);
    for (const { scope, paints, nodes } of topology) {
      console.log(`  ${scope}, ${nodes}: median ${ms(median(paints))}, best ${ms(Math.min(...paints))}, worst ${ms(Math.max(...paints))}  [target ≤ 2000 ms]`);
    }
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
