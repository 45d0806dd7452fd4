import { createBsmEngine, type BsmEngine } from "../engine";
import type { BsmConfig, CheckState, ComponentConfig, ServiceCheckStatus } from "../types";

export const TEMPLATE = "Web";

export function checkOf(
  host: string,
  name: string,
  state: CheckState,
  options: { acknowledged?: boolean; inDowntime?: boolean; hostTemplates?: string[] } = {},
): ServiceCheckStatus {
  return {
    host,
    name,
    hostTemplates: options.hostTemplates ?? [TEMPLATE],
    state,
    acknowledged: options.acknowledged ?? false,
    inDowntime: options.inDowntime ?? false,
  };
}

/**
 * Host states in letters, one per host: O operational, F failed,
 * A failed and acknowledged, D downtime.
 */
export type HostLetters = string;

export function checksForHosts(componentId: string, letters: HostLetters, template = TEMPLATE): ServiceCheckStatus[] {
  return [...letters].flatMap((letter, position) => {
    const host = hostName(componentId, position);
    const options = { hostTemplates: [template] };
    switch (letter) {
      case "O":
        return [checkOf(host, "HTTP", "OK", options)];
      case "F":
        return [checkOf(host, "HTTP", "CRITICAL", options)];
      case "A":
        return [checkOf(host, "HTTP", "CRITICAL", { ...options, acknowledged: true })];
      case "D":
        return [checkOf(host, "HTTP", "CRITICAL", { ...options, inDowntime: true })];
      default:
        throw new Error(`unknown host letter ${letter}`);
    }
  });
}

export function hostName(componentId: string, position: number): string {
  return `${componentId}-host${position + 1}`;
}

export function componentOf(id: string, letters: HostLetters, requiredOnline: number, name = id): ComponentConfig {
  return {
    id,
    name,
    hostTemplate: TEMPLATE,
    hosts: [...letters].map((_, position) => hostName(id, position)),
    requiredOnline,
  };
}

/** One component from host letters, e.g. componentEngine("OFD", 2). */
export function componentEngine(letters: HostLetters, requiredOnline: number): BsmEngine {
  return createBsmEngine(
    { components: [componentOf("c", letters, requiredOnline)], businessServices: [] },
    checksForHosts("c", letters),
  );
}

/** Component shapes for business service tables. */
export const COMPONENT_SHAPES = {
  OPERATIONAL: { letters: "O", requiredOnline: 1 },
  FAILED: { letters: "F", requiredOnline: 1 },
  FAILED_ACKNOWLEDGED: { letters: "A", requiredOnline: 1 },
  DOWNTIME: { letters: "D", requiredOnline: 1 },
  IMPACTED: { letters: "OF", requiredOnline: 1 },
  IMPACTED_ACKNOWLEDGED: { letters: "OA", requiredOnline: 1 },
} as const;
export type ComponentShape = keyof typeof COMPONENT_SHAPES;

/** Business services whose components have the given shapes; service ids s0, s1, ... */
export function servicesEngine(services: readonly { name?: string; components: readonly ComponentShape[] }[]): BsmEngine {
  const components: ComponentConfig[] = [];
  const checks: ServiceCheckStatus[] = [];
  const config: BsmConfig = {
    components,
    businessServices: services.map((service, serviceIndex) => ({
      id: `s${serviceIndex}`,
      name: service.name ?? `s${serviceIndex}`,
      components: service.components.map((shape, position) => {
        const id = `s${serviceIndex}c${position}`;
        const { letters, requiredOnline } = COMPONENT_SHAPES[shape];
        components.push(componentOf(id, letters, requiredOnline));
        checks.push(...checksForHosts(id, letters));
        return id;
      }),
    })),
  };
  return createBsmEngine(config, checks);
}
