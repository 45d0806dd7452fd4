// Rules: docs/membership-rules.md §1.3 (saving a component with a rule).
import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";
import { inChunks } from "../db/in-chunks";
import { ValidationError } from "../errors/app-error";
import { findRuleMatches, type MembershipRule } from "../membership/rule";
import { CHOOSE_HOSTS_MESSAGE, RULE_CHOOSES_HOSTS, requiredOnlineRangeMessage, type ComponentInput } from "./inputs";
import type { ComponentWrite, StoredComponent } from "./write-configuration";

/**
 * Decides a component's hosts and rule from what was given and what is stored. Without a rule the
 * hosts are the list given. With one, a new component (or one whose template changes) starts with
 * the hosts the rule matches now; a changed one keeps its hosts, and the next poll offers the
 * difference. R must fit the hosts either way.
 */
export async function settleComponentHosts(tx: Prisma.TransactionClient, access: Access, input: ComponentInput, stored: StoredComponent | null): Promise<ComponentWrite> {
  const ruleGiven = input.ruleHostGroup !== undefined || input.ruleNamePattern !== undefined;
  const ruleHostGroup = ruleGiven ? (input.ruleHostGroup ?? null) : (stored?.ruleHostGroup ?? null);
  const ruleNamePattern = ruleGiven ? (input.ruleNamePattern ?? null) : (stored?.ruleNamePattern ?? null);
  const { hostIds, ...rest } = input;
  const write = { ...rest, ...(ruleGiven || stored === null ? { ruleHostGroup, ruleNamePattern } : {}) };

  if (ruleHostGroup === null && ruleNamePattern === null) {
    if (hostIds === undefined) throw new ValidationError({ hostIds: CHOOSE_HOSTS_MESSAGE });
    return { ...write, hostIds };
  }
  if (hostIds !== undefined) throw new ValidationError({ hostIds: RULE_CHOOSES_HOSTS });
  const ruleField = ruleNamePattern !== null ? "ruleNamePattern" : "ruleHostGroup";
  const keepsHosts = stored !== null && stored.hostTemplateId === input.hostTemplateId;
  const ruleChanged = stored === null || !keepsHosts || stored.ruleHostGroup !== ruleHostGroup || stored.ruleNamePattern !== ruleNamePattern;
  let settled: number[] = stored?.hostIds ?? [];
  if (ruleChanged) {
    const template = await tx.hostTemplate.findUnique({ where: { id: input.hostTemplateId }, select: { id: true } });
    if (!template) throw new ValidationError({ hostTemplateId: "The chosen host template cannot be used" });
    const matches = await requireVisibleRuleMatches(tx, access, { hostTemplateId: input.hostTemplateId, hostGroup: ruleHostGroup, namePattern: ruleNamePattern }, ruleField);
    if (!keepsHosts) {
      if (matches.length === 0) throw new ValidationError({ [ruleField]: "The rule matches no monitored host using this host template" });
      settled = matches;
    }
  }
  if (input.requiredOnline > settled.length) throw new ValidationError({ requiredOnline: requiredOnlineRangeMessage(settled.length) });
  return { ...write, hostIds: settled };
}

/**
 * The hosts a rule matches now, when the user may see every one of them: a rule the user sets
 * must not reach hosts they could not add by hand (docs/access-rules.md §7.2).
 */
export async function requireVisibleRuleMatches(tx: Prisma.TransactionClient, access: Access, rule: MembershipRule, field: string): Promise<number[]> {
  const matches = await findRuleMatches(tx, rule);
  const ids = matches.map((host) => host.id);
  const details = await inChunks(ids, (chunk) => tx.host.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true, hostGroups: true, keywords: true } }));
  const visible = await loadHostVisibility(tx, access.grants, ids);
  // Told without names or a count of what is hidden (docs/access-rules.md §6).
  if (!details.every(visible)) throw new ValidationError({ [field]: "The rule matches hosts you cannot see" });
  return ids;
}
