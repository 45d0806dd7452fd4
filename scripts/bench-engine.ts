/*
 * npm run bench:engine — the status engine on a large synthetic estate:
 * 500,000 service checks on 50,000 hosts, 5,000 components, 1,000 business
 * services and 24 h of history. Deterministic (seeded), not a test.
 */
import { performance } from "node:perf_hooks";
import { computeAvailability, createBsmEngine, type BsmConfig, type BsmEngine, type CheckHistoryEntry, type CheckState, type ComponentConfig, type ServiceCheckStatus } from "../lib/bsm";

const HOSTS = 50_000;
const CHECKS_PER_HOST = 10;
const TEMPLATES = 500;
const COMPONENTS = 5_000;
const HOSTS_PER_COMPONENT = 10;
const SERVICES = 1_000;
const COMPONENTS_PER_SERVICE = 5;
const NOW = Date.parse("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const TIMED_CHANGES = 200_000;
const SUSTAINED_CHANGES = 1_000_000;
const CHUNK = 100_000;

let seed = 0x5eed;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const below = (n: number) => Math.floor(random() * n);

const peakHeapByPhase = new Map<string, number>();
/** heapUsed at the end of a phase, before any collection: live data plus the phase's uncollected garbage. */
function sampleHeap(phase = "estate"): number {
  const used = process.memoryUsage().heapUsed;
  peakHeapByPhase.set(phase, Math.max(used, peakHeapByPhase.get(phase) ?? 0));
  return used;
}
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function randomStatus(): Pick<ServiceCheckStatus, "state" | "acknowledged" | "inDowntime"> {
  const roll = random();
  const state: CheckState = roll < 0.015 ? "CRITICAL" : roll < 0.035 ? "WARNING" : roll < 0.04 ? "UNKNOWN" : "OK";
  return { state, acknowledged: state === "CRITICAL" && random() < 0.3, inDowntime: random() < (state === "CRITICAL" ? 0.1 : 0.01) };
}

function generateEstate() {
  const templateNames = Array.from({ length: TEMPLATES }, (_, t) => `Template ${t}`);
  const hostTemplates: string[][] = [];
  const hostsByTemplate: string[][] = templateNames.map(() => []);
  const hostNames = Array.from({ length: HOSTS }, (_, h) => `host-${h.toString().padStart(5, "0")}.example.net`);
  hostNames.forEach((host, h) => {
    const templates = new Set([h % TEMPLATES]);
    const extra = below(3);
    for (let i = 0; i < extra; i++) templates.add(below(TEMPLATES));
    hostTemplates.push([...templates].map((t) => templateNames[t]));
    for (const t of templates) hostsByTemplate[t].push(host);
  });

  const checks: ServiceCheckStatus[] = [];
  const templateLists = new Map<string, readonly string[]>();
  const shared = (templates: string[]) => {
    const key = templates.join("\u0000");
    let list = templateLists.get(key);
    if (!list) templateLists.set(key, (list = templates));
    return list;
  };
  hostNames.forEach((host, h) => {
    const templates = hostTemplates[h];
    for (let c = 0; c < CHECKS_PER_HOST; c++) {
      const primary = templates[c % templates.length];
      const contributedBy = random() < 0.1 && templates.length > 1 ? [primary, templates[(c + 1) % templates.length]] : [primary];
      checks.push({ host, name: `Check ${c}`, hostTemplates: shared(contributedBy), ...randomStatus() });
    }
  });

  const components: ComponentConfig[] = Array.from({ length: COMPONENTS }, (_, i) => {
    const template = i % TEMPLATES;
    const pool = hostsByTemplate[template];
    const hosts = new Set<string>();
    while (hosts.size < Math.min(HOSTS_PER_COMPONENT, pool.length)) hosts.add(pool[below(pool.length)]);
    const hostsTotal = hosts.size;
    return {
      id: `component-${i}`,
      name: `Component ${i}`,
      hostTemplate: templateNames[template],
      hosts: [...hosts],
      requiredOnline: Math.ceil(hostsTotal / 2) + below(Math.floor(hostsTotal / 2) + 1),
      createdAt: random() < 0.02 ? NOW - below(DAY) : NOW - 30 * DAY,
    };
  });
  const businessServices = Array.from({ length: SERVICES }, (_, i) => {
    const members = new Set<string>();
    while (members.size < COMPONENTS_PER_SERVICE) members.add(`component-${below(COMPONENTS)}`);
    return { id: `service-${i}`, name: `Service ${below(SERVICES)}`, components: [...members] };
  });
  const config: BsmConfig = { components, businessServices };

  // Churn: 5% of checks flap during the day (2-10 changes, some from before the window); the last entry agrees with the current status.
  const history: CheckHistoryEntry[] = [];
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    const flaps = random() < 0.05;
    if (!flaps && check.state === "OK") continue;
    const changes = flaps ? 2 + below(9) : 1;
    const times = Array.from({ length: changes }, () => NOW - below(DAY + 2 * 3_600_000)).sort((a, b) => a - b);
    times.forEach((at, k) => {
      const status = k === changes - 1 ? check : k % 2 === 0 ? { state: "CRITICAL" as const, acknowledged: random() < 0.3, inDowntime: random() < 0.1 } : { state: "OK" as const, acknowledged: false, inDowntime: false };
      history.push({ at, host: check.host, name: check.name, state: status.state, acknowledged: status.acknowledged, inDowntime: status.inDowntime });
    });
  }
  history.sort((a, b) => a.at - b.at);
  return { config, checks, history };
}

function randomChange(checks: ServiceCheckStatus[]): { index: number; check: ServiceCheckStatus } {
  const index = below(checks.length);
  const previous = checks[index];
  const roll = random();
  let next: Pick<ServiceCheckStatus, "state" | "acknowledged" | "inDowntime">;
  if (previous.state !== "CRITICAL") next = roll < 0.8 ? { state: "CRITICAL", acknowledged: false, inDowntime: random() < 0.1 } : { state: "WARNING", acknowledged: false, inDowntime: false };
  else if (roll < 0.6) next = { state: "OK", acknowledged: false, inDowntime: false };
  else if (roll < 0.9) next = { state: "CRITICAL", acknowledged: !previous.acknowledged, inDowntime: previous.inDowntime };
  else next = { state: "CRITICAL", acknowledged: previous.acknowledged, inDowntime: !previous.inDowntime };
  return { index, check: { host: previous.host, name: previous.name, hostTemplates: previous.hostTemplates, ...next } };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function main() {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  let started = performance.now();
  const { config, checks, history } = generateEstate();
  // The history's last entries agree with these statuses; `checks` moves on with the incremental changes.
  const checksAtGeneration = [...checks];
  const componentHosts = config.components.reduce((sum, component) => sum + component.hosts.length, 0);
  console.log(
    `estate: ${checks.length} service checks, ${HOSTS} hosts, ${config.components.length} components (${componentHosts} component hosts), ` +
      `${config.businessServices.length} business services, ${history.length} history entries (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  gc();
  const baseline = sampleHeap();
  console.log(`heap after generating the estate: ${mb(baseline)}`);

  const fullTimes: number[] = [];
  let engine: BsmEngine | undefined;
  for (let run = 0; run < 5; run++) {
    engine = undefined;
    gc();
    started = performance.now();
    engine = createBsmEngine(config, checks);
    fullTimes.push(performance.now() - started);
    sampleHeap("full evaluation");
  }
  if (engine === undefined) throw new Error("unreachable");
  const sortedFull = [...fullTimes].sort((a, b) => a - b);
  console.log(
    `full evaluation (createBsmEngine: index + evaluate ${checks.length} checks): first ${fullTimes[0].toFixed(0)} ms, ` +
      `median of 5 ${sortedFull[2].toFixed(0)} ms, best ${sortedFull[0].toFixed(0)} ms`,
  );
  gc();
  const withEngine = sampleHeap("engine built");
  console.log(`heap with the engine: ${mb(withEngine)} (engine ≈ ${mb(withEngine - baseline)})`);

  // Incremental: each change timed on its own.
  const durations = new Float64Array(TIMED_CHANGES);
  const withTransitions: number[] = [];
  let transitions = 0;
  for (let done = 0; done < TIMED_CHANGES; done += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, TIMED_CHANGES - done) }, () => randomChange(checks));
    for (let i = 0; i < batch.length; i++) {
      const { index, check } = batch[i];
      const t0 = process.hrtime.bigint();
      const reported = engine.applyCheckChange(check);
      const elapsed = Number(process.hrtime.bigint() - t0) / 1_000;
      durations[done + i] = elapsed;
      checks[index] = check;
      if (reported.length > 0) {
        withTransitions.push(elapsed);
        transitions += reported.length;
      }
    }
    sampleHeap("timed incremental changes");
  }
  let timerOverhead = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 1_000; i++) {
    const t0 = process.hrtime.bigint();
    timerOverhead = Math.min(timerOverhead, Number(process.hrtime.bigint() - t0) / 1_000);
  }
  const sorted = durations.slice().sort();
  const sortedWith = Float64Array.from(withTransitions).sort();
  console.log(
    `incremental change (${TIMED_CHANGES} timed one by one): median ${percentile(sorted, 0.5).toFixed(2)} µs, p99 ${percentile(sorted, 0.99).toFixed(2)} µs, max ${sorted[sorted.length - 1].toFixed(0)} µs ` +
      `(timer overhead ≈ ${timerOverhead.toFixed(2)} µs included)`,
  );
  console.log(
    `  of which ${withTransitions.length} changed a status (${transitions} transitions): median ${percentile(sortedWith, 0.5).toFixed(2)} µs, p99 ${percentile(sortedWith, 0.99).toFixed(2)} µs`,
  );

  // Sustained: changes back to back, prepared in chunks outside the timing.
  let sustainedMs = 0;
  for (let done = 0; done < SUSTAINED_CHANGES; done += CHUNK) {
    const batch = Array.from({ length: CHUNK }, () => randomChange(checks));
    started = performance.now();
    for (let i = 0; i < batch.length; i++) engine.applyCheckChange(batch[i].check);
    sustainedMs += performance.now() - started;
    for (const { index, check } of batch) checks[index] = check;
    sampleHeap("sustained changes");
  }
  console.log(`sustained: ${SUSTAINED_CHANGES} changes in ${sustainedMs.toFixed(0)} ms = ${Math.round((SUSTAINED_CHANGES / sustainedMs) * 1000).toLocaleString("en")} changes/s`);

  const reference = createBsmEngine(config, checks).listAll();
  const incremental = engine.listAll();
  const agree = JSON.stringify(reference) === JSON.stringify(incremental);
  console.log(`incremental state after ${TIMED_CHANGES + SUSTAINED_CHANGES} changes equals a fresh full evaluation: ${agree ? "yes" : "NO"}`);
  sampleHeap("check against a fresh engine");

  // Availability over the generated history (its last entries agree with the generation-time statuses).
  const historyChecks = checksAtGeneration;
  gc();
  started = performance.now();
  const report = computeAvailability(config, historyChecks, history, { now: NOW });
  const availabilityMs = performance.now() - started;
  sampleHeap("availability");
  const below100 = report.businessServices.filter((service) => service.availability < 100).length;
  console.log(
    `availability (24 h, ${history.length} history entries, ${componentHosts} component hosts + ${config.components.length} components + ${config.businessServices.length} services): ` +
      `${availabilityMs.toFixed(0)} ms; ${below100} services below 100%`,
  );
  started = performance.now();
  computeAvailability(config, historyChecks, history, { now: NOW, includeTimelines: true, excludeDowntime: true });
  console.log(`availability with timelines and DOWNTIME excluded: ${(performance.now() - started).toFixed(0)} ms`);
  sampleHeap("availability with timelines");

  const { maxRSS } = process.resourceUsage();
  const peakHeap = Math.max(...peakHeapByPhase.values());
  console.log(`peak heap used (sampled at the end of each phase, before GC): ${mb(peakHeap)}; peak RSS ${mb(maxRSS * 1024)}`);
  console.log(`  by phase: ${[...peakHeapByPhase].map(([phase, bytes]) => `${phase} ${mb(bytes)}`).join(", ")}`);
  if (!agree) process.exitCode = 1;
}

main();
