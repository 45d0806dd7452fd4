import type { LiveEvent } from "../events/live-events";
import { canSeeObject } from "../status/bsm-object";
import type { Access } from "./access";

/**
 * The event as this user may receive it: status changes of objects they cannot see are dropped
 * (null when nothing is left), and the source's error text is for administrators only.
 */
export function filterLiveEvent(access: Access, event: LiveEvent): LiveEvent | null {
  if (event.type === "poll") return access.has("administer") || event.message === null ? event : { ...event, message: null };
  const changes = event.changes.filter((change) => canSeeObject(access, change));
  return changes.length === 0 ? null : { ...event, changes };
}
