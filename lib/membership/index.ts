export { globMatches } from "./glob";
export { planMembership, requiredOnlineError, type MembershipPlan, type MembershipPlanInput, type PendingMembershipChange, type MembershipChangeKind } from "./plan-membership";
export { findRuleMatches, ruleOf, type MembershipRule, type RuleHost } from "./rule";
export { createMembershipAfterPollStep, evaluateMembershipRules, MEMBERSHIP_RULE_AUTHOR, type MembershipEvaluation } from "./evaluate-rules";
export { listMembershipChanges, type MembershipChangeView } from "./list-membership-changes";
export { applyMembershipChanges, type MembershipApplied } from "./apply-membership-changes";
export { dismissMembershipChanges } from "./dismiss-membership-changes";
export { MEMBERSHIP_CHANGE_WORDS } from "./review";
