// Rules: docs/membership-rules.md §1 (what a rule matches).
import type { Prisma } from "@prisma/client";
import { globMatches } from "./glob";
import { byCharacters } from "./order";

export interface MembershipRule {
  hostTemplateId: number;
  /** Null: any host group. */
  hostGroup: string | null;
  /** Null: any name. */
  namePattern: string | null;
}

export interface RuleHost {
  id: number;
  name: string;
}

/** A component's rule, or null when its hosts are a fixed list. */
export function ruleOf(component: { hostTemplateId: number; ruleHostGroup: string | null; ruleNamePattern: string | null }): MembershipRule | null {
  if (component.ruleHostGroup === null && component.ruleNamePattern === null) return null;
  return { hostTemplateId: component.hostTemplateId, hostGroup: component.ruleHostGroup, namePattern: component.ruleNamePattern };
}

/** The monitored hosts a rule matches, by name (character order), whoever may see them. */
export async function findRuleMatches(tx: Prisma.TransactionClient, rule: MembershipRule): Promise<RuleHost[]> {
  const hosts = await tx.host.findMany({
    where: {
      removedAt: null,
      templates: { some: { hostTemplateId: rule.hostTemplateId } },
      ...(rule.hostGroup === null ? {} : { hostGroups: { has: rule.hostGroup } }),
    },
    select: { id: true, name: true },
  });
  const pattern = rule.namePattern;
  return hosts.filter((host) => pattern === null || globMatches(pattern, host.name)).sort((a, b) => byCharacters(a.name, b.name));
}
