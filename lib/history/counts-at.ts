// A business service's component counts at a moment, from its components' states at that moment (treeStateAt).
// Pure: the same rules the engine uses for the live counts (computeBusinessServiceStatus).

import { computeBusinessServiceStatus, type ComponentState, type ServiceCounts, type StatusFlags } from "../bsm";
import { componentRef, isHostState, objectRefKey } from "../status/bsm-object";
import type { ObjectStateAt } from "./read";

/** Components absent from the moment's tree (created later) are not counted. */
export function serviceCountsAt(tree: ReadonlyMap<string, ObjectStateAt>, componentIds: readonly number[]): ServiceCounts {
  const components: StatusFlags<ComponentState>[] = [];
  for (const id of componentIds) {
    const at = tree.get(objectRefKey(componentRef(id)));
    if (at && isHostState(at.state)) components.push({ state: at.state, acknowledged: at.acknowledged, impacted: at.impacted });
  }
  const { componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged } = computeBusinessServiceStatus(components);
  return { componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged };
}
