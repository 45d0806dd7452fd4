import type { Access } from "../auth/access";
import { canSeeEstateFigures } from "../auth/estate-figures";
import { isSettingsSourceKind, sourceKindSpec } from "../settings/source-kinds";

/**
 * The monitoring source as this user may see it: its own description (which can count the whole
 * estate, "simulated estate: 240 hosts, …") for those who may see estate figures, its kind otherwise.
 */
export function describeSourceFor(access: Access, poller: { sourceKind: string; sourceDescription: string }): string {
  if (canSeeEstateFigures(access)) return poller.sourceDescription;
  return isSettingsSourceKind(poller.sourceKind) ? sourceKindSpec(poller.sourceKind).label : poller.sourceKind;
}
