// Rules: docs/membership-rules.md §2 (after every poll).
import type { Prisma, PrismaClient } from "@prisma/client";
import { LONG_TRANSACTION } from "../db/transaction-options";
import type { SystemActor } from "../audit/record-audit";
import { loadReflectionMode } from "../connector/store";
import { countInChunks } from "../db/in-chunks";
import type { AfterPollStep } from "../poller/poller";
import { planMembership, type PendingMembershipChange } from "./plan-membership";
import { findRuleMatches, ruleOf, type RuleHost } from "./rule";
import { changeMembership, lockComponents } from "./write-membership";

export const MEMBERSHIP_RULE_AUTHOR: SystemActor = { id: null, email: "system (membership rule)" };
const RULED = { OR: [{ ruleHostGroup: { not: null } }, { ruleNamePattern: { not: null } }] } satisfies Prisma.ComponentWhereInput;

export interface MembershipEvaluation {
  componentId: number;
  added: string[];
  removed: string[];
  pending: number;
}

/** Runs after every poll: rule components are few, so each is evaluated every time against the stored hosts. */
export function createMembershipAfterPollStep(): AfterPollStep {
  return async ({ database, now }) => {
    await evaluateMembershipRules(database.prisma, now);
  };
}

/** Evaluates every component with a rule: applies what the reflection mode applies, records the rest for review. */
export async function evaluateMembershipRules(prisma: PrismaClient, now: number): Promise<MembershipEvaluation[]> {
  // Outside a transaction first: an estate without rules costs one query per poll.
  if ((await prisma.component.count({ where: RULED })) === 0) return [];
  return prisma.$transaction(async (tx) => {
    const ruled = await tx.component.findMany({ where: RULED, select: { id: true } });
    if (ruled.length === 0) return [];
    await lockComponents(tx, ruled.map((component) => component.id));
    const mode = await loadReflectionMode(tx);
    const components = await tx.component.findMany({
      where: { id: { in: ruled.map((component) => component.id) } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        hostTemplateId: true,
        ruleHostGroup: true,
        ruleNamePattern: true,
        requiredOnline: true,
        hosts: { orderBy: { position: "asc" }, select: { host: { select: { id: true, name: true } } } },
        membershipChanges: { select: { id: true, hostId: true, kind: true, error: true } },
      },
    });
    const evaluations: MembershipEvaluation[] = [];
    for (const component of components) {
      const rule = ruleOf(component);
      if (rule === null) continue;
      const members = component.hosts.map((link) => link.host);
      const matches = await findRuleMatches(tx, rule);
      const plan = planMembership({ mode, requiredOnline: component.requiredOnline, members: members.map((host) => host.id), matching: matches.map((host) => host.id) });
      const byId = new Map<number, RuleHost>([...members, ...matches].map((host) => [host.id, host]));
      const named = (ids: number[]) => ids.map((hostId) => byId.get(hostId)!);
      await changeMembership(tx, MEMBERSHIP_RULE_AUTHOR, { id: component.id, memberIds: members.map((host) => host.id) }, { add: named(plan.add), remove: named(plan.remove), cause: "poll", mode });
      await syncPendingChanges(tx, component.id, component.membershipChanges, plan.pending, now);
      evaluations.push({ componentId: component.id, added: named(plan.add).map((host) => host.name), removed: named(plan.remove).map((host) => host.name), pending: plan.pending.length });
    }
    return evaluations;
  }, LONG_TRANSACTION);
}

type Tx = Prisma.TransactionClient;

/** A change that stays keeps when it was detected and whether it was dismissed; one that no longer applies goes. */
async function syncPendingChanges(
  tx: Tx,
  componentId: number,
  stored: readonly { id: number; hostId: number; kind: "DETECTED" | "REMOVED"; error: string | null }[],
  pending: readonly PendingMembershipChange[],
  now: number,
): Promise<void> {
  const wanted = new Map(pending.map((change) => [change.hostId, change]));
  const outdated = stored.filter((row) => wanted.get(row.hostId)?.kind !== row.kind).map((row) => row.id);
  await countInChunks(outdated, async (ids) => (await tx.componentMembershipChange.deleteMany({ where: { id: { in: ids } } })).count);
  const gone = new Set(outdated);
  const kept = new Map(stored.filter((row) => !gone.has(row.id)).map((row) => [row.hostId, row]));
  for (const change of pending) {
    const row = kept.get(change.hostId);
    if (row !== undefined) {
      if (row.error !== change.error) await tx.componentMembershipChange.update({ where: { id: row.id }, data: { error: change.error } });
    } else {
      await tx.componentMembershipChange.create({ data: { componentId, hostId: change.hostId, kind: change.kind, error: change.error, detectedAt: new Date(now) } });
    }
  }
}
