// Rules: docs/membership-rules.md §3.
import { requireCapability } from "../auth/access";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "../config/context";
import { countInChunks } from "../db/in-chunks";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { ConflictError } from "../errors/app-error";
import { requiredOnlineError } from "./plan-membership";
import { loadReviewableChanges, parseChangeSelection, type ReviewableChange } from "./review";
import { findRuleMatches, ruleOf, type RuleHost } from "./rule";
import { changeMembership, lockComponents } from "./write-membership";

export interface MembershipApplied {
  added: { component: string; host: string }[];
  removed: { component: string; host: string }[];
  refused: { component: string; host: string; error: string }[];
}

/**
 * Applies one pending change (changeId) or every one the user may act on ("all"), additions first.
 * Each is checked against the rule as it stands now: one that no longer holds is dropped. Removals
 * that would leave fewer hosts than R are refused and keep the reason. A change already applied or
 * dismissed is simply not found, so a second click does nothing.
 */
export async function applyMembershipChanges({ prisma, user, access }: ConfigContext, rawSelection: unknown): Promise<MembershipApplied> {
  requireCapability(access, "configureBsmComponents");
  const which = parseChangeSelection(await resolveInput(rawSelection));
  const result = await prisma.$transaction(async (tx) => {
    const outcome: MembershipApplied = { added: [], removed: [], refused: [] };
    const where = which === "all" ? {} : { id: which.changeId };
    const first = await loadReviewableChanges(tx, access, where);
    const componentIds = [...new Set(first.map((change) => change.componentId))];
    await lockComponents(tx, componentIds);
    // Read again under the lock: a poll or another click may have settled some meanwhile.
    const changes = await loadReviewableChanges(tx, access, { ...where, componentId: { in: componentIds } });
    for (const componentId of componentIds) {
      const mine = changes.filter((change) => change.componentId === componentId);
      if (mine.length === 0) continue;
      const component = await tx.component.findUniqueOrThrow({
        where: { id: componentId },
        select: { id: true, name: true, hostTemplateId: true, ruleHostGroup: true, ruleNamePattern: true, requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } },
      });
      const rule = ruleOf(component);
      const matching = new Set(rule === null ? [] : (await findRuleMatches(tx, rule)).map((host) => host.id));
      const members = component.hosts.map((link) => link.hostId);
      const memberSet = new Set(members);
      const stillHolds = (change: ReviewableChange) =>
        rule !== null && (change.kind === "DETECTED" ? matching.has(change.hostId) && !memberSet.has(change.hostId) : !matching.has(change.hostId) && memberSet.has(change.hostId));
      const stale = mine.filter((change) => !stillHolds(change));
      await countInChunks(stale.map((change) => change.id), async (ids) => (await tx.componentMembershipChange.deleteMany({ where: { id: { in: ids } } })).count);
      const hostOf = (change: ReviewableChange): RuleHost => ({ id: change.hostId, name: change.hostName });
      const add = mine.filter((change) => stillHolds(change) && change.kind === "DETECTED");
      let remove = mine.filter((change) => stillHolds(change) && change.kind === "REMOVED");
      const remaining = members.length + add.length - remove.length;
      if (remove.length > 0 && remaining < component.requiredOnline) {
        const error = requiredOnlineError(remaining, component.requiredOnline);
        await countInChunks(remove.map((change) => change.id), async (ids) => (await tx.componentMembershipChange.updateMany({ where: { id: { in: ids } }, data: { error } })).count);
        outcome.refused.push(...remove.map((change) => ({ component: component.name, host: change.hostName, error })));
        remove = [];
      }
      await changeMembership(tx, user, { id: componentId, memberIds: members }, { add: add.map(hostOf), remove: remove.map(hostOf), cause: "review" });
      outcome.added.push(...add.map((change) => ({ component: component.name, host: change.hostName })));
      outcome.removed.push(...remove.map((change) => ({ component: component.name, host: change.hostName })));
    }
    return outcome;
  }, LONG_TRANSACTION);
  if (which !== "all" && result.refused.length > 0) throw new ConflictError(`Cannot remove ${result.refused[0]!.host} from ${result.refused[0]!.component}: ${result.refused[0]!.error}`);
  return result;
}
