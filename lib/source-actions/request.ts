import { Prisma, type PrismaClient, type SourceAction } from "@prisma/client";
import { hostVisibility, requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import type { ConfigContext } from "../config/context";
import { ConflictError, NotFoundError, ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import { isRecordId } from "../validation/fields";
import { parseSourceActionInput, type ParsedSourceAction } from "./input";
import { readOnlyReason, sourceKindInForce } from "./source-kinds";
import { isSourceActionKind, isSourceActionStatus, type SourceActionCapabilities, type SourceActionTarget, type SourceActionView } from "./types";
import { wakeSourceActionExecutor } from "./wake";

const NO_ACTIONBSM = "Your role does not include ACTIONBSM: ask an administrator to acknowledge or schedule downtime.";

/** Whether the user may act, and whether the source in force takes commands, with the reason when not. */
export async function getSourceActionCapabilities({ prisma, access }: ConfigContext): Promise<SourceActionCapabilities> {
  const readOnly = readOnlyReason(await sourceKindInForce(prisma));
  // A read-only source is the reason for everyone; otherwise the missing permission.
  const userMayAct = access.has("actionBsm");
  const reason = readOnly ?? (userMayAct ? null : NO_ACTIONBSM);
  return { canAct: reason === null, sourceAccepts: readOnly === null, userMayAct, reason };
}

/**
 * Stores an action for the poller's executor (status pending), audits it and wakes the executor.
 * Needs ACTIONBSM and that the user may see every host and check named (bottom up); the source in
 * force must accept commands (409 with the reason otherwise).
 */
export async function requestSourceAction(context: ConfigContext, raw: unknown, now = Date.now()): Promise<SourceActionView> {
  const { prisma, user, access } = context;
  requireCapability(access, "actionBsm");
  const input = parseSourceActionInput(await resolveInput(raw), now);
  const sourceKind = await sourceKindInForce(prisma);
  const reason = readOnlyReason(sourceKind);
  if (reason !== null) throw new ConflictError(reason);
  await checkTargets(prisma, context, input);
  const userName = (await prisma.user.findUnique({ where: { id: user.id }, select: { name: true } }))?.name || user.email;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.sourceAction.create({
      data: {
        userId: user.id,
        userName,
        kind: input.kind,
        targets: input.targets as unknown as Prisma.InputJsonValue,
        comment: "comment" in input ? input.comment : "",
        sticky: input.kind === "acknowledge" ? input.sticky : null,
        expiresAt: input.kind === "acknowledge" && input.expiresAt !== null ? new Date(input.expiresAt) : null,
        startAt: input.kind === "downtime" ? new Date(input.startAt) : null,
        endAt: input.kind === "downtime" ? new Date(input.endAt) : null,
        sourceKind,
      },
    });
    await recordAudit(tx, user, { action: `source-action.${input.kind}`, target: `source-action:${created.id}`, detail: auditDetail(created) });
    return created;
  });
  wakeSourceActionExecutor();
  return toSourceActionView(row);
}

/** The user's actions (an administrator's: everyone's), newest first; `ids` narrows to those. */
export async function listSourceActions({ prisma, user, access }: ConfigContext, options: { ids?: readonly number[]; limit?: number } = {}): Promise<SourceActionView[]> {
  requireCapability(access, "bsm");
  const ids = options.ids?.filter(isRecordId);
  const limit = Math.min(Math.max(Math.floor(options.limit ?? 50), 1), 200);
  const rows = await prisma.sourceAction.findMany({
    where: { ...(access.has("administer") ? {} : { userId: user.id }), ...(ids !== undefined ? { id: { in: ids } } : {}) },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toSourceActionView);
}

/** Every target's host must exist and be visible bottom up (every check on it); a named check must exist. */
async function checkTargets(prisma: PrismaClient, { access }: ConfigContext, input: ParsedSourceAction): Promise<void> {
  const names = [...new Set(input.targets.map((target) => target.host))];
  const hosts = await prisma.host.findMany({
    where: { name: { in: names }, removedAt: null },
    select: { name: true, hostGroups: true, keywords: true, serviceChecks: { select: { name: true, state: true, serviceGroups: true } } },
  });
  const byName = new Map(hosts.map((host) => [host.name, host]));
  const visible = hostVisibility(access.grants);
  for (const target of input.targets) {
    const host = byName.get(target.host);
    const seen =
      host !== undefined &&
      (access.has("administer") || visible({ hostGroups: host.hostGroups, keywords: host.keywords, checkServiceGroups: host.serviceChecks.map((check) => check.serviceGroups) }));
    if (!seen || host === undefined) throw new NotFoundError(`No such host: ${target.host}`);
    if (target.check !== undefined && !host.serviceChecks.some((check) => check.name === target.check)) {
      throw new NotFoundError(`No such check: ${target.check} on ${target.host}`);
    }
  }
  if (input.kind === "acknowledge") {
    const nothing = input.targets.filter((target) =>
      byName.get(target.host)!.serviceChecks.every((check) => check.state === "OK" || (target.check !== undefined && check.name !== target.check)),
    );
    if (nothing.length === input.targets.length) {
      throw new ValidationError({ targets: `nothing to acknowledge: ${describeTargets(nothing)} ${nothing.length === 1 ? "has" : "have"} no failing check` });
    }
  }
}

export function describeTargets(targets: readonly SourceActionTarget[]): string {
  const words = targets.slice(0, 3).map((target) => (target.check === undefined ? target.host : `${target.check} on ${target.host}`));
  return targets.length > 3 ? `${words.join(", ")} and ${targets.length - 3} more` : words.join(", ");
}

export function targetsOf(row: Pick<SourceAction, "targets">): SourceActionTarget[] {
  if (!Array.isArray(row.targets)) return [];
  return row.targets.flatMap((value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
    const { host, check } = value as { host?: unknown; check?: unknown };
    if (typeof host !== "string") return [];
    return typeof check === "string" ? [{ host, check }] : [{ host }];
  });
}

/** What the audit log keeps of an action (epoch ms times, as the API). */
export function auditDetail(row: SourceAction): Prisma.InputJsonValue {
  const view = toSourceActionView(row);
  return {
    kind: view.kind,
    targets: view.targets as unknown as Prisma.InputJsonValue,
    comment: view.comment,
    sticky: view.sticky,
    expiresAt: view.expiresAt,
    startAt: view.startAt,
    endAt: view.endAt,
    sourceKind: row.sourceKind,
  };
}

export function toSourceActionView(row: SourceAction): SourceActionView {
  return {
    id: row.id,
    kind: isSourceActionKind(row.kind) ? row.kind : "acknowledge",
    targets: targetsOf(row),
    comment: row.comment,
    sticky: row.sticky,
    expiresAt: row.expiresAt?.getTime() ?? null,
    startAt: row.startAt?.getTime() ?? null,
    endAt: row.endAt?.getTime() ?? null,
    status: isSourceActionStatus(row.status) ? row.status : "failed",
    message: row.message,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    userName: row.userName,
  };
}
