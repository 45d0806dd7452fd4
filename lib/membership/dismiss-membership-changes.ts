import { requireCapability } from "../auth/access";
import { resolveInput } from "../validation/deferred-input";
import { recordAudit } from "../audit/record-audit";
import type { ConfigContext } from "../config/context";
import { countInChunks } from "../db/in-chunks";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { loadReviewableChanges, parseChangeSelection, MEMBERSHIP_CHANGE_WORDS } from "./review";

/**
 * Hides one pending change (changeId) or all the user may act on from review, without applying it,
 * with one audit entry per component. It stays hidden until the rule stops differing for that host.
 */
export async function dismissMembershipChanges({ prisma, user, access }: ConfigContext, rawSelection: unknown): Promise<{ dismissed: number }> {
  requireCapability(access, "configureBsmComponents");
  const which = parseChangeSelection(await resolveInput(rawSelection));
  return prisma.$transaction(async (tx) => {
    const changes = await loadReviewableChanges(tx, access, which === "all" ? {} : { id: which.changeId });
    if (changes.length === 0) return { dismissed: 0 };
    const dismissedAt = new Date();
    await countInChunks(changes.map((change) => change.id), async (ids) => (await tx.componentMembershipChange.updateMany({ where: { id: { in: ids }, dismissedAt: null }, data: { dismissedAt } })).count);
    for (const componentId of new Set(changes.map((change) => change.componentId))) {
      const mine = changes.filter((change) => change.componentId === componentId);
      await recordAudit(tx, user, {
        action: "component.membership.dismiss",
        target: `component:${componentId}`,
        detail: { dismissed: mine.map((change) => ({ host: change.hostName, status: MEMBERSHIP_CHANGE_WORDS[change.kind] })) },
      });
    }
    return { dismissed: changes.length };
  }, LONG_TRANSACTION);
}
