// How a BSM object is named outside the engine (BsmObjectStatus, BsmTransition, notifications, live
// events), what states it can be in, and whether a user may see it. Pure, so the browser can use it too.

import type { Access } from "../auth/access";
import { HOST_STATES, SERVICE_STATES, type BsmTransition, type HostState, type ServiceState } from "../bsm";

export const BSM_OBJECT_TYPES = ["COMPONENT_HOST", "COMPONENT", "BUSINESS_SERVICE"] as const;
export type BsmObjectType = (typeof BSM_OBJECT_TYPES)[number];

/** objectKey: the component or business service id, or componentHostKey(componentId, host). */
export interface BsmObjectRef {
  readonly objectType: BsmObjectType;
  readonly objectKey: string;
}

/** Business services are OFFLINE where components and their hosts are FAILED. */
export type StateOfObjectType<T extends BsmObjectType> = T extends "BUSINESS_SERVICE" ? ServiceState : HostState;

/** The stored key of a component host: "componentId:host" (a component id has no colon; a host name may). */
export function componentHostKey(componentId: string | number, host: string): string {
  return `${componentId}:${host}`;
}

/** The component id and host name in a component host's key; null when it is not one. */
export function parseComponentHostKey(objectKey: string): { componentId: number; host: string } | null {
  const separator = objectKey.indexOf(":");
  if (separator < 0) return null;
  return { componentId: Number(objectKey.slice(0, separator)), host: objectKey.slice(separator + 1) };
}

/** The numeric ids among object keys (a component's or business service's key is its id); others are dropped. */
export function idsOfKeys(keys: readonly string[]): number[] {
  return keys.map(Number).filter((id) => Number.isSafeInteger(id));
}

export function businessServiceRef(id: string | number): BsmObjectRef {
  return { objectType: "BUSINESS_SERVICE", objectKey: String(id) };
}

export function componentRef(id: string | number): BsmObjectRef {
  return { objectType: "COMPONENT", objectKey: String(id) };
}

export function componentHostRef(componentId: string | number, host: string): BsmObjectRef {
  return { objectType: "COMPONENT_HOST", objectKey: componentHostKey(componentId, host) };
}

/** The object an engine transition is about. */
export function refOfTransition(transition: BsmTransition): BsmObjectRef {
  switch (transition.objectType) {
    case "componentHost":
      return componentHostRef(transition.componentId, transition.host);
    case "component":
      return componentRef(transition.id);
    case "businessService":
      return businessServiceRef(transition.id);
  }
}

/** One string per object, for maps and sets, and the notification log's object filter: "COMPONENT:7". */
export function objectRefKey(ref: BsmObjectRef): string {
  return `${ref.objectType}:${ref.objectKey}`;
}

export function isHostState(state: string): state is HostState {
  return (HOST_STATES as readonly string[]).includes(state);
}

export function isServiceState(state: string): state is ServiceState {
  return (SERVICE_STATES as readonly string[]).includes(state);
}

/** Whether an object of this type can be in this state. */
export function isStateOf<T extends BsmObjectType>(objectType: T, state: string): state is StateOfObjectType<T> {
  return objectType === "BUSINESS_SERVICE" ? isServiceState(state) : isHostState(state);
}

/** A stored state read back: the row's when its object type can be in it, else OPERATIONAL (where every object starts). */
export function readStoredState<T extends BsmObjectType>(objectType: T, stored: string | null | undefined): StateOfObjectType<T> {
  return stored !== null && stored !== undefined && isStateOf(objectType, stored) ? stored : ("OPERATIONAL" as StateOfObjectType<T>);
}

/** Whether the user may see the object: a component host needs its component and the host itself visible. */
export function canSeeObject(access: Access, ref: BsmObjectRef): boolean {
  switch (ref.objectType) {
    case "BUSINESS_SERVICE":
      return access.canSeeService(Number(ref.objectKey));
    case "COMPONENT":
      return access.canSeeComponent(Number(ref.objectKey));
    case "COMPONENT_HOST": {
      const componentHost = parseComponentHostKey(ref.objectKey);
      return componentHost !== null && access.canSeeComponent(componentHost.componentId) && access.canSeeHost(componentHost.host);
    }
  }
}
