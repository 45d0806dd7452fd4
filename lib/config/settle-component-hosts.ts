// Rules: docs/membership-rules.md §1.3 (saving a component with a rule).
import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";
import { ValidationError } from "../errors/app-error";
import { findRuleMatches } from "../membership/rule";
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
  let settled: number[];
  if (stored !== null && stored.hostTemplateId === input.hostTemplateId) {
    settled = stored.hostIds;
  } else {
    const template = await tx.hostTemplate.findUnique({ where: { id: input.hostTemplateId }, select: { id: true } });
    if (!template) throw new ValidationError({ hostTemplateId: "The chosen host template cannot be used" });
    const matches = await findRuleMatches(tx, { hostTemplateId: input.hostTemplateId, hostGroup: ruleHostGroup, namePattern: ruleNamePattern });
    if (matches.length === 0) throw new ValidationError({ [ruleField]: "The rule matches no monitored host using this host template" });
    const details = await tx.host.findMany({ where: { id: { in: matches.map((host) => host.id) } }, select: { id: true, name: true, hostGroups: true, keywords: true } });
    const visible = await loadHostVisibility(tx, access.grants, matches.map((host) => host.id));
    // Told without names or a count of what is hidden (docs/access-rules.md §6).
    if (!details.every(visible)) throw new ValidationError({ [ruleField]: "The rule matches hosts you cannot see" });
    settled = matches.map((host) => host.id);
  }
  if (input.requiredOnline > settled.length) throw new ValidationError({ requiredOnline: requiredOnlineRangeMessage(settled.length) });
  return { ...write, hostIds: settled };
}
