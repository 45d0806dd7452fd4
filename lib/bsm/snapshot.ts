import { z } from "zod";
import { checksSeenBy, computeAvailability } from "./availability";
import { createBsmEngine } from "./engine";
import { checkKeyOf } from "./rules";
import { CHECK_STATES, type BsmConfig, type CheckHistoryEntry, type ServiceCheckStatus } from "./types";

/*
 * The `bsm:eval` snapshot format of docs/status-rules.md §8: parsing, validation
 * (first bad field wins) and evaluation through the same engine the
 * dashboard uses.
 */

const requiredOr = (problem: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : problem;

const text = z.string({ error: requiredOr("must be a string") });
const nonEmptyText = text.min(1, { error: "must not be empty" });
const flag = z.boolean({ error: requiredOr("must be true or false") });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: requiredOr("must be an array") });
const checkState = z.enum(CHECK_STATES, { error: requiredOr(`must be one of ${CHECK_STATES.join(", ")}`) });
const instant = z.iso
  .datetime({ offset: true, error: requiredOr("must be an ISO 8601 date-time such as 2026-11-22T12:00:00Z") })
  .transform((value) => Date.parse(value));

type Issues = z.RefinementCtx;

function reportDuplicates<T>(items: readonly T[], keyOf: (item: T) => string, path: (index: number) => (string | number)[], what: (item: T) => string, ctx: Issues): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: path(index), message: `duplicate ${what(item)}` });
    seen.add(key);
  });
}

const componentSchema = z
  .object({
    id: nonEmptyText,
    name: text,
    hostTemplate: nonEmptyText,
    hosts: list(nonEmptyText),
    requiredOnline: z.unknown().optional(),
    createdAt: instant.optional(),
  })
  .superRefine(
    (component, ctx) => {
      // Runs even when another field is bad, so a bad requiredOnline is never hidden by a later field.
      const hosts: unknown = component.hosts;
      if (!Array.isArray(hosts)) return;
      const requiredOnline = component.requiredOnline;
      if (typeof requiredOnline !== "number" || !Number.isInteger(requiredOnline) || requiredOnline < 0 || requiredOnline > hosts.length) {
        ctx.addIssue({ code: "custom", path: ["requiredOnline"], message: `must be an integer between 0 and ${hosts.length}` });
      }
      if (hosts.every((host) => typeof host === "string")) {
        reportDuplicates(hosts as string[], (host) => host, (index) => ["hosts", index], (host) => `host "${host}"`, ctx);
      }
    },
    { when: () => true },
  )
  .transform((component) => ({ ...component, requiredOnline: component.requiredOnline as number }));

const businessServiceSchema = z
  .object({
    id: nonEmptyText,
    name: text,
    components: list(nonEmptyText),
    createdAt: instant.optional(),
  })
  .superRefine((service, ctx) =>
    reportDuplicates(service.components, (id) => id, (index) => ["components", index], (id) => `component "${id}"`, ctx),
  );

const serviceCheckSchema = z.object({
  host: nonEmptyText,
  name: nonEmptyText,
  hostTemplates: list(nonEmptyText),
  state: checkState,
  stateType: z.enum(["SOFT", "HARD"], { error: "must be SOFT or HARD" }).optional(),
  acknowledged: flag.default(false),
  inDowntime: flag.default(false),
});

const historyEntrySchema = z.object({
  at: instant,
  host: nonEmptyText,
  name: nonEmptyText,
  state: checkState,
  acknowledged: flag.default(false),
  inDowntime: flag.default(false),
});

const epochSeconds = z.number({ error: requiredOr("must be a number (epoch seconds)") });
const windowSchema = z
  .object({ from: epochSeconds, to: epochSeconds }, { error: "must be an object with from and to (epoch seconds)" })
  .superRefine((window, ctx) => {
    if (window.from >= window.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  });

const snapshotSchema = z.object(
  {
    now: instant,
    components: list(componentSchema).superRefine((components, ctx) =>
      reportDuplicates(components, (c) => c.id, (index) => [index, "id"], (c) => `component id "${c.id}"`, ctx),
    ),
    businessServices: list(businessServiceSchema).superRefine((services, ctx) =>
      reportDuplicates(services, (s) => s.id, (index) => [index, "id"], (s) => `business service id "${s.id}"`, ctx),
    ),
    serviceChecks: list(serviceCheckSchema).superRefine((checks, ctx) =>
      reportDuplicates(checks, checkKeyOf, (index) => [index, "name"], (c) => `service check "${c.name}" on host "${c.host}"`, ctx),
    ),
    history: list(historyEntrySchema).optional(),
    window: windowSchema.optional(),
    excludeDowntime: flag.optional(),
  },
  { error: "must be a JSON object" },
);

export interface BsmSnapshot {
  readonly now: number;
  readonly config: BsmConfig;
  readonly checks: readonly ServiceCheckStatus[];
  readonly history: readonly CheckHistoryEntry[];
  /** Availability over [from, to) (epoch ms) instead of the 24 hours before now. */
  readonly window?: { readonly from: number; readonly to: number };
  readonly excludeDowntime?: boolean;
}

export type SnapshotParseResult = { ok: true; snapshot: BsmSnapshot } | { ok: false; error: string };

export function parseSnapshot(input: unknown): SnapshotParseResult {
  const parsed = snapshotSchema.safeParse(input);
  if (!parsed.success) {
    const first = firstInDocumentOrder(input, parsed.error.issues);
    return { ok: false, error: `${formatPath(first.path)}: ${first.message}` };
  }
  const { now, components, businessServices, serviceChecks, history, window, excludeDowntime } = parsed.data;
  if (window && window.to * 1000 > now) return { ok: false, error: "window.to: must not be after now" };
  return {
    ok: true,
    snapshot: {
      now,
      config: { components, businessServices },
      checks: serviceChecks.map(({ host, name, hostTemplates, state, acknowledged, inDowntime }) => ({
        host,
        name,
        hostTemplates,
        state,
        acknowledged,
        inDowntime,
      })),
      history: history ?? [],
      ...(window ? { window: { from: Math.round(window.from * 1000), to: Math.round(window.to * 1000) } } : {}),
      ...(excludeDowntime === undefined ? {} : { excludeDowntime }),
    },
  };
}

export interface EvaluatedHost {
  component: string;
  host: string;
  state: string;
  acknowledged: boolean;
  availability: number;
}

export interface BsmEvalOutput {
  hosts: EvaluatedHost[];
  components: {
    id: string;
    state: string;
    acknowledged: boolean;
    impacted: boolean;
    hostsTotal: number;
    hostsFailed: number;
    hostsDowntime: number;
    hostsAcknowledged: number;
    operationalZonePercent: number;
    availability: number;
    zoneOrder: string[];
  }[];
  businessServices: {
    id: string;
    state: string;
    acknowledged: boolean;
    impacted: boolean;
    componentsTotal: number;
    componentsFailed: number;
    componentsImpacted: number;
    componentsDowntime: number;
    componentsAcknowledged: number;
    availability: number;
  }[];
  summaryOrder: string[];
}

export function evaluateSnapshot(snapshot: BsmSnapshot, options: { excludeDowntime?: boolean } = {}): BsmEvalOutput {
  const engine = createBsmEngine(snapshot.config, snapshot.checks);
  const end = snapshot.window?.to ?? snapshot.now;
  const availability = computeAvailability(snapshot.config, checksSeenBy(snapshot.checks, snapshot.history, end), snapshot.history, {
    now: end,
    ...(snapshot.window ? { windowMs: snapshot.window.to - snapshot.window.from } : {}),
    excludeDowntime: options.excludeDowntime ?? snapshot.excludeDowntime,
  });
  const evaluation = engine.listAll();
  return {
    hosts: evaluation.componentHosts.map((host, index) => ({
      component: host.componentId,
      host: host.host,
      state: host.state,
      acknowledged: host.acknowledged,
      availability: availability.componentHosts[index].availability,
    })),
    components: evaluation.components.map((component, index) => ({
      id: component.id,
      state: component.state,
      acknowledged: component.acknowledged,
      impacted: component.impacted,
      hostsTotal: component.hostsTotal,
      hostsFailed: component.hostsFailed,
      hostsDowntime: component.hostsDowntime,
      hostsAcknowledged: component.hostsAcknowledged,
      operationalZonePercent: component.operationalZonePercent,
      availability: availability.components[index].availability,
      zoneOrder: engine.zoneOrder(component.id),
    })),
    businessServices: evaluation.businessServices.map((service, index) => ({
      id: service.id,
      state: service.state,
      acknowledged: service.acknowledged,
      impacted: service.impacted,
      componentsTotal: service.componentsTotal,
      componentsFailed: service.componentsFailed,
      componentsImpacted: service.componentsImpacted,
      componentsDowntime: service.componentsDowntime,
      componentsAcknowledged: service.componentsAcknowledged,
      availability: availability.businessServices[index].availability,
    })),
    summaryOrder: evaluation.summaryOrder,
  };
}

export interface BsmEvalRun {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

/** The whole `bsm:eval` command, minus reading the input. */
export function runBsmEval(inputText: string): BsmEvalRun {
  let input: unknown;
  try {
    input = JSON.parse(inputText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, stdout: "", stderr: `input: not valid JSON (${oneLine(reason)})\n` };
  }
  const parsed = parseSnapshot(input);
  if (!parsed.ok) return { exitCode: 2, stdout: "", stderr: `${oneLine(parsed.error)}\n` };
  return { exitCode: 0, stdout: `${JSON.stringify(evaluateSnapshot(parsed.snapshot), null, 2)}\n`, stderr: "" };
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, " ").trim();
}

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  if (path.length === 0) return "input";
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

/** Where a path points in the input as written: array positions, then key positions (missing keys after present ones). */
function documentPosition(input: unknown, path: Path): number[] {
  const position: number[] = [];
  let node = input;
  for (const segment of path) {
    if (typeof segment === "number") {
      position.push(segment);
      node = Array.isArray(node) ? node[segment] : undefined;
    } else if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      const keys = Object.keys(node);
      const at = keys.indexOf(String(segment));
      position.push(at < 0 ? keys.length : at);
      node = (node as Record<string, unknown>)[String(segment)];
    } else {
      position.push(0);
      node = undefined;
    }
  }
  return position;
}

function firstInDocumentOrder<T extends { path: Path }>(input: unknown, issues: readonly T[]): T {
  let first = issues[0];
  let firstPosition = documentPosition(input, first.path);
  for (const issue of issues.slice(1)) {
    const position = documentPosition(input, issue.path);
    if (comparePositions(position, firstPosition) < 0) {
      first = issue;
      firstPosition = position;
    }
  }
  return first;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}
