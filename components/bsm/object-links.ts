import { investigatePath } from "@/lib/status/investigate-target";
import type { MenuLink } from "./bsm-object-menu";

export function serviceLinks(serviceId: number): MenuLink[] {
  return [
    { label: "Investigate", href: investigatePath({ kind: "service", id: serviceId }) },
    { label: "Open service view", href: `/bsm/service/${serviceId}` },
  ];
}

export function componentLinks(componentId: number): MenuLink[] {
  return [
    { label: "Investigate", href: investigatePath({ kind: "component", id: componentId }) },
    { label: "Open component view", href: `/bsm/component/${componentId}` },
  ];
}

export function hostLinks(componentId: number, host: string): MenuLink[] {
  return [
    { label: "Investigate", href: investigatePath({ kind: "host", componentId, host }) },
    { label: "Open component view", href: `/bsm/component/${componentId}` },
  ];
}
