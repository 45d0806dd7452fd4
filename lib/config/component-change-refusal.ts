import type { Access } from "../auth/access";

/**
 * Why this user may not change a component they can see, or null when they may: changing one seen
 * only top down (through a business service) would change services they cannot see, so it takes
 * seeing every one of its hosts (bottom up).
 */
export function componentEditRefusal(access: Access, componentId: number): string | null {
  return access.canSeeComponentHosts(componentId) ? null : "you do not have access to all of its hosts";
}

/** As componentEditRefusal, and a component used by business services the user cannot see stays. */
export function componentDeleteRefusal(access: Access, componentId: number, usedByServiceIds: readonly number[]): string | null {
  const editRefusal = componentEditRefusal(access, componentId);
  if (editRefusal !== null) return editRefusal;
  return usedByServiceIds.every((serviceId) => access.canSeeService(serviceId)) ? null : "it is used by business services you cannot see";
}
