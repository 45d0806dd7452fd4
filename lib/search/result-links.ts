// Where a search result opens. Pure, beside the ranking, so the rules are tested in one place.

import { investigatePath } from "../status/investigate-target";

export const servicePath = (id: number) => `/bsm/service/${id}`;
export const componentPath = (id: number) => `/bsm/component/${id}`;

/**
 * A host's page: its host element page when it has one, else the host in its first component the
 * user may see (Investigate), else the Overview table filtered to it (every host the source reports
 * has a row there).
 */
export function hostPath(host: { name: string; hasElement: boolean; visibleComponentId: number | null }): string {
  if (host.hasElement) return `/hosts/${encodeURIComponent(host.name)}`;
  if (host.visibleComponentId !== null) return investigatePath({ kind: "host", componentId: host.visibleComponentId, host: host.name });
  return `/overview?q=${encodeURIComponent(host.name)}`;
}
