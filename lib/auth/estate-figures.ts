import type { Access } from "./access";

/**
 * Whether the user may see figures about the whole estate (how many hosts, checks and services
 * there are, what the source describes): administrators and VIEWALL roles, who see every host anyway.
 */
export function canSeeEstateFigures(access: Access): boolean {
  return access.has("administer") || (access.has("bsm") && access.grants.viewAll);
}
