import type { LiveEvent, LiveObjectChange } from "../events/live-events";
import type { Access } from "./access";

export function canSeeLiveChange(access: Access, change: LiveObjectChange): boolean {
  switch (change.objectType) {
    case "BUSINESS_SERVICE":
      return access.canSeeService(Number(change.objectKey));
    case "COMPONENT":
      return access.canSeeComponent(Number(change.objectKey));
    case "COMPONENT_HOST": {
      // The key is "componentId:host"; a host's state needs the host itself visible, as in the Service view.
      const separator = change.objectKey.indexOf(":");
      return access.canSeeComponent(Number(change.objectKey.slice(0, separator))) && access.canSeeHost(change.objectKey.slice(separator + 1));
    }
  }
}

/**
 * The event as this user may receive it: status changes of objects they cannot see are dropped
 * (null when nothing is left), and the source's error text is for administrators only.
 */
export function filterLiveEvent(access: Access, event: LiveEvent): LiveEvent | null {
  if (event.type === "poll") return access.has("administer") || event.message === null ? event : { ...event, message: null };
  const changes = event.changes.filter((change) => canSeeLiveChange(access, change));
  return changes.length === 0 ? null : { ...event, changes };
}
