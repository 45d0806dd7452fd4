import { Prisma, type PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import { isRecordId } from "../validation/fields";
import { z } from "zod";
import { hostsOfChanges, parseOrThrow, readStoredChanges, scenarioNameSchema, whatIfChangesSchema, type WhatIfChange } from "./changes";
import { evaluateWhatIf, unknownHostMessage } from "./evaluate";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { loadWhatIfState } from "./load-state";
import { whatIfView, type WhatIfView } from "./view";

// What-if for a user (docs/what-if.md §4): changes only on hosts they may see, results only of what
// they may see; saved scenarios belong to their owner and are shown to whoever may see all their hosts.

export interface WhatIfContext {
  prisma: PrismaClient;
  user: { id: string };
  access: Access;
}

/** The state to evaluate against, when the caller has loaded it already (a page that also lists the hosts). */
export type WhatIfState = Awaited<ReturnType<typeof loadWhatIfState>>;

/** At most this many saved scenarios per user. */
export const MAX_SCENARIOS_PER_USER = 100;

const evaluationSchema = z.strictObject({ changes: whatIfChangesSchema });

/** Evaluates `{ changes }` given by the user (400 for bad input, unknown or hidden hosts and checks). Nothing is written. */
export async function evaluateWhatIfForUser(context: WhatIfContext, rawInput: unknown, state?: WhatIfState): Promise<WhatIfView> {
  const { changes } = parseOrThrow(evaluationSchema, await resolveInput(rawInput));
  return evaluateVisibleChanges(context, changes, state);
}

async function evaluateVisibleChanges(context: WhatIfContext, changes: WhatIfChange[], state?: WhatIfState): Promise<WhatIfView> {
  refuseHiddenHosts(context.access, changes);
  const { config, checks } = state ?? (await loadWhatIfState(context.prisma));
  return whatIfView(evaluateWhatIf(config, checks, changes), changes, context.access);
}

/** A host the user may not see is refused exactly like one that does not exist (docs/access-rules.md §6). */
function refuseHiddenHosts(access: Access, changes: readonly WhatIfChange[]): void {
  const problems: Record<string, string> = {};
  changes.forEach((change, index) => {
    if (!access.canSeeHost(change.host)) problems[`changes.${index}.host`] ??= unknownHostMessage(change.host);
  });
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

export interface ScenarioResource {
  id: number;
  name: string;
  owner: { name: string };
  /** Whether the caller owns it (only the owner may rename or delete it). */
  mine: boolean;
  changes: WhatIfChange[];
  createdAt: string;
  updatedAt: string;
  /** The page that shows it, to share. */
  path: string;
}

const scenarioSelect = { id: true, name: true, ownerId: true, changes: true, createdAt: true, updatedAt: true, owner: { select: { name: true } } } satisfies Prisma.WhatIfScenarioSelect;
type ScenarioRow = Prisma.WhatIfScenarioGetPayload<{ select: typeof scenarioSelect }>;

function toResource(row: ScenarioRow, userId: string): ScenarioResource {
  return {
    id: row.id,
    name: row.name,
    owner: { name: row.owner.name },
    mine: row.ownerId === userId,
    changes: readStoredChanges(row.changes),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    path: `/bsm/what-if/${row.id}`,
  };
}

const notFound = (id: number) => new NotFoundError(`What-if scenario ${id} not found, or it changes hosts you cannot see`);

/** The row, or null when there is none (an id that is no id included: server actions take any value). */
async function findScenario(prisma: PrismaClient, id: number): Promise<ScenarioRow | null> {
  if (!isRecordId(id)) return null;
  return prisma.whatIfScenario.findUnique({ where: { id }, select: scenarioSelect });
}

const newScenarioSchema = z.strictObject({ name: scenarioNameSchema, changes: whatIfChangesSchema });
const scenarioPatchSchema = z
  .strictObject({ name: scenarioNameSchema.optional(), changes: whatIfChangesSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.changes !== undefined, { message: "give a name or changes" });

/** Saves a scenario of the caller's (its changes are checked as for an evaluation). */
export async function createScenario(context: WhatIfContext, rawInput: unknown): Promise<{ scenario: ScenarioResource; result: WhatIfView }> {
  const input = parseOrThrow(newScenarioSchema, await resolveInput(rawInput));
  const result = await evaluateVisibleChanges(context, input.changes);
  const owned = await context.prisma.whatIfScenario.count({ where: { ownerId: context.user.id } });
  if (owned >= MAX_SCENARIOS_PER_USER) throw new ValidationError(`You have ${owned} saved scenarios, the most allowed; delete some first`);
  const row = await context.prisma.whatIfScenario.create({
    data: { name: input.name, ownerId: context.user.id, changes: input.changes as unknown as Prisma.InputJsonValue },
    select: scenarioSelect,
  });
  return { scenario: toResource(row, context.user.id), result };
}

/** The caller's own scenarios (others' are reached only by their link), newest change first. */
export async function listOwnScenarios(context: WhatIfContext): Promise<ScenarioResource[]> {
  const rows = await context.prisma.whatIfScenario.findMany({ where: { ownerId: context.user.id }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: scenarioSelect });
  return rows.map((row) => toResource(row, context.user.id));
}

/**
 * A scenario, re-evaluated against the live state, for anyone who may see every one of its hosts
 * that is still in a component (404 otherwise, as for one that does not exist). Changes whose host
 * or check is gone are skipped and listed.
 */
export async function openScenario(context: WhatIfContext, id: number, state?: WhatIfState): Promise<{ scenario: ScenarioResource; result: WhatIfView }> {
  const row = await findScenario(context.prisma, id);
  if (row === null) throw notFound(id);
  const scenario = toResource(row, context.user.id);
  const { config, checks } = state ?? (await loadWhatIfState(context.prisma));
  if (!visibleTo(context.access, scenario.changes, config.components)) throw notFound(id);
  const evaluation = evaluateWhatIf(config, checks, scenario.changes, { unknown: "skip" });
  return { scenario, result: whatIfView(evaluation, scenario.changes, context.access) };
}

function visibleTo(access: Access, changes: readonly WhatIfChange[], components: readonly { hosts: readonly string[] }[]): boolean {
  const inEstate = new Set(components.flatMap((component) => component.hosts));
  return hostsOfChanges(changes).every((host) => !inEstate.has(host) || access.canSeeHost(host));
}

/** A scenario the caller may change: theirs (403 when they may see it but it is someone else's, 404 when not even that). */
async function requireOwned(context: WhatIfContext, id: number): Promise<ScenarioRow> {
  const row = await findScenario(context.prisma, id);
  if (row === null) throw notFound(id);
  if (row.ownerId === context.user.id) return row;
  // Only who may see it matters here: the configuration's hosts, not the checks.
  const { components } = await loadBsmConfig(context.prisma);
  if (visibleTo(context.access, readStoredChanges(row.changes), components)) throw new ForbiddenError("You may not change or delete a what-if scenario you do not own");
  throw notFound(id);
}

/** Renames a scenario and/or replaces its changes (owner only). */
export async function updateScenario(context: WhatIfContext, id: number, rawInput: unknown): Promise<ScenarioResource> {
  await requireOwned(context, id);
  const patch = parseOrThrow(scenarioPatchSchema, await resolveInput(rawInput));
  if (patch.changes !== undefined) await evaluateVisibleChanges(context, patch.changes);
  const row = await context.prisma.whatIfScenario.update({
    where: { id },
    data: { ...(patch.name !== undefined && { name: patch.name }), ...(patch.changes !== undefined && { changes: patch.changes as unknown as Prisma.InputJsonValue }) },
    select: scenarioSelect,
  });
  return toResource(row, context.user.id);
}

export async function deleteScenario(context: WhatIfContext, id: number): Promise<void> {
  await requireOwned(context, id);
  await context.prisma.whatIfScenario.delete({ where: { id } });
}
