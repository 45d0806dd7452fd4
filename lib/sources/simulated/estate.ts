import type { SourceHost, SourceServiceCheck } from "../types";
import {
  BASE_CHECKS,
  BASE_CHECK_SERVICE_GROUPS,
  BASE_TEMPLATE,
  CORE_SERVICES,
  REGIONS,
  ROLES,
  SERVICES,
  TEMPLATES,
  roleOf,
  templateOf,
  type RegionDefinition,
  type RoleDefinition,
  type TemplateKey,
} from "./catalogue";
import { okOutput } from "./outputs";
import { createRandom, deriveSeed, type Random } from "./random";
import { settingsOrThrow } from "../parse-settings";
import { parseSimulatedSourceSettings, type SimulatedSourceSettingsInput } from "./settings";

export interface SimulatedComponent {
  name: string;
  hostTemplate: string;
  /** Configured order. */
  hosts: string[];
  requiredOnline: number;
}

export interface SimulatedBusinessService {
  name: string;
  /** Component names in request order. */
  components: string[];
}

/** What the app seeds on first start so the dashboard has something to show. */
export interface SimulatedBsmConfiguration {
  components: SimulatedComponent[];
  businessServices: SimulatedBusinessService[];
}

export interface SimulatedEstate extends SimulatedBsmConfiguration {
  hosts: SourceHost[];
  /** Every check OK, with no known last state change. */
  serviceChecks: SourceServiceCheck[];
}

export type SimulatedEstateOptions = Pick<SimulatedSourceSettingsInput, "seed" | "hosts" | "businessServices">;

interface PlannedComponent {
  readonly role: RoleDefinition;
  readonly region: RegionDefinition;
  readonly regionIndex: number;
  readonly name: string;
}

/** Same options → the same estate, host for host and check for check. */
export function generateSimulatedEstate(options: SimulatedEstateOptions = {}): SimulatedEstate {
  const settings = settingsOrThrow(parseSimulatedSourceSettings(options));
  const random = createRandom(deriveSeed(settings.seed, "estate"));

  const services = chooseServices(settings.businessServices, random);
  const regionCount = Math.min(regionCountFor(settings.hosts), Math.floor(services.length / 2));
  const serviceRegions = services.map((_, position) => Math.floor((position * regionCount) / services.length));
  const planned = planComponents(services, serviceRegions);
  const sizes = apportionHosts(
    settings.hosts,
    planned.map(({ role }) => ({
      weight: role.weight * random.between(0.75, 1.25),
      min: role.minHosts,
      max: Number.isFinite(role.maxHosts) ? random.int(role.minHosts, role.maxHosts) : role.maxHosts,
    })),
  );

  const hosts: SourceHost[] = [];
  const serviceChecks: SourceServiceCheck[] = [];
  const components: SimulatedComponent[] = [];
  const numberWidth = hostNumberWidths(planned, sizes);
  const nextNumber = new Map<string, number>();

  planned.forEach((component, index) => {
    const template = templateOf(component.role.template);
    const templateIndex = TEMPLATES.indexOf(template);
    const poolKey = `${template.key}-${component.region.code}`;
    const memberNames: string[] = [];
    for (let member = 1; member <= sizes[index]; member++) {
      const number = (nextNumber.get(poolKey) ?? 0) + 1;
      nextNumber.set(poolKey, number);
      const name = `${template.prefix}-${component.region.code}-${String(number).padStart(numberWidth.get(poolKey) ?? 2, "0")}`;
      memberNames.push(name);
      hosts.push({
        name,
        alias: `${component.name} node ${member}`,
        address: `10.${16 + component.regionIndex}.${templateIndex * 20 + Math.floor((number - 1) / 250)}.${((number - 1) % 250) + 5}`,
        hostGroups: [`Production / ${component.region.name} / ${template.name}`],
        hostTemplates: [
          { name: template.name, priority: 1 },
          { name: BASE_TEMPLATE, priority: 2 },
        ],
        keywords: ["production", component.region.code, template.prefix, component.role.key],
      });
      for (const check of template.checks) serviceChecks.push(okCheck(name, check, template.name, template.serviceGroup, random));
      for (const check of BASE_CHECKS) serviceChecks.push(okCheck(name, check, BASE_TEMPLATE, BASE_CHECK_SERVICE_GROUPS[check], random));
    }
    components.push({
      name: component.name,
      hostTemplate: template.name,
      hosts: memberNames,
      requiredOnline: requiredOnlineFor(memberNames.length, component.role.template, random),
    });
  });

  const businessServices = services.map((service, position) => ({
    name: service.name,
    components: service.roles.map((role) => componentName(roleOf(role), REGIONS[serviceRegions[position]])),
  }));

  return { hosts, serviceChecks, components, businessServices };
}

/** Only the components and business services, for seeding the configuration. */
export function simulatedBsmConfiguration(options: SimulatedEstateOptions = {}): SimulatedBsmConfiguration {
  const { components, businessServices } = generateSimulatedEstate(options);
  return { components, businessServices };
}

function chooseServices(count: number, random: Random) {
  const optional = random.shuffle(SERVICES.slice(CORE_SERVICES)).slice(0, count - CORE_SERVICES);
  return SERVICES.filter((service, index) => index < CORE_SERVICES || optional.includes(service));
}

/** Small estates live in one region; every region needs room for each kind of component. */
function regionCountFor(hosts: number): number {
  if (hosts < 100) return 1;
  if (hosts < 200) return 2;
  return REGIONS.length;
}

function componentName(role: RoleDefinition, region: RegionDefinition): string {
  return `${role.name} ${region.name}`;
}

/** One component per role a service needs in its region, listed by region, then template, then role. */
function planComponents(services: readonly (typeof SERVICES)[number][], serviceRegions: readonly number[]): PlannedComponent[] {
  const needed = new Set(services.flatMap((service, position) => service.roles.map((role) => `${serviceRegions[position]}/${role}`)));
  const planned: PlannedComponent[] = [];
  REGIONS.forEach((region, regionIndex) => {
    for (const template of TEMPLATES) {
      for (const role of ROLES) {
        if (role.template === template.key && needed.has(`${regionIndex}/${role.key}`)) {
          planned.push({ role, region, regionIndex, name: componentName(role, region) });
        }
      }
    }
  });
  return planned;
}

export interface Share {
  readonly weight: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Splits `total` into whole numbers proportional to the weights (D'Hondt), honouring each minimum
 * and maximum. When the minimums do not fit, each gets at least one; when every maximum is
 * reached, the rest is shared regardless of maximums.
 */
export function apportionHosts(total: number, shares: readonly Share[]): number[] {
  if (shares.length > total) throw new RangeError(`cannot give ${shares.length} components at least one of ${total} hosts`);
  const minimumsFit = shares.reduce((sum, share) => sum + share.min, 0) <= total;
  const counts = shares.map((share) => (minimumsFit ? share.min : 1));
  let remaining = total - counts.reduce((sum, count) => sum + count, 0);
  while (remaining > 0) {
    const open = shares.some((share, index) => counts[index] < share.max);
    let best = -1;
    for (let index = 0; index < shares.length; index++) {
      if (open && counts[index] >= shares[index].max) continue;
      if (best < 0 || shares[index].weight / (counts[index] + 1) > shares[best].weight / (counts[best] + 1)) best = index;
    }
    counts[best]++;
    remaining--;
  }
  return counts;
}

function hostNumberWidths(planned: readonly PlannedComponent[], sizes: readonly number[]): Map<string, number> {
  const poolSizes = new Map<string, number>();
  planned.forEach((component, index) => {
    const key = `${component.role.template}-${component.region.code}`;
    poolSizes.set(key, (poolSizes.get(key) ?? 0) + sizes[index]);
  });
  return new Map([...poolSizes].map(([key, size]) => [key, Math.max(2, String(size).length)]));
}

/** R: one of two for a pair, a majority for databases, otherwise N-1 for small groups or a majority/two thirds. */
function requiredOnlineFor(hosts: number, template: TemplateKey, random: Random): number {
  if (hosts <= 2) return 1;
  const majority = Math.floor(hosts / 2) + 1;
  if (template === "db") return majority;
  if (hosts <= 4) return hosts - 1;
  const choices = [majority, Math.ceil((hosts * 2) / 3)];
  if (hosts <= 8) choices.push(hosts - 1);
  return random.pick(choices);
}

function okCheck(host: string, name: string, template: string, serviceGroup: string, random: Random): SourceServiceCheck {
  return {
    host,
    name,
    state: "OK",
    stateType: "HARD",
    acknowledged: false,
    inDowntime: false,
    output: okOutput(name, random),
    lastStateChange: null,
    hostTemplates: [template],
    serviceGroups: [serviceGroup],
  };
}
