/** The building blocks of the simulated estate: host templates, their checks, component roles and business services. */

export const BASE_TEMPLATE = "Base OS";
export const BASE_CHECKS = ["CPU", "Memory", "Disk", "SSH"] as const;
/** The service group of each base check (Opsview puts every service check in exactly one). */
export const BASE_CHECK_SERVICE_GROUPS: Readonly<Record<(typeof BASE_CHECKS)[number], string>> = {
  CPU: "Operating system",
  Memory: "Operating system",
  Disk: "Operating system",
  SSH: "Network",
};

export type TemplateKey = "lb" | "web" | "cache" | "db" | "mq";

export interface TemplateDefinition {
  readonly key: TemplateKey;
  readonly name: string;
  /** Host names start with it: web-eu-01. */
  readonly prefix: string;
  readonly checks: readonly string[];
  /** The service group of the template's own checks. */
  readonly serviceGroup: string;
}

/** In the order a request passes through them; components and hosts are listed in this order too. */
export const TEMPLATES: readonly TemplateDefinition[] = [
  { key: "lb", name: "Load balancer", prefix: "lb", checks: ["HAProxy backends", "VIP reachable"], serviceGroup: "Network" },
  { key: "web", name: "Web", prefix: "web", checks: ["HTTP", "HTTPS certificate", "Response time"], serviceGroup: "Web" },
  { key: "cache", name: "Cache", prefix: "cache", checks: ["Redis ping", "Memory fragmentation"], serviceGroup: "Cache" },
  { key: "db", name: "Database", prefix: "db", checks: ["MySQL connections", "Replication lag", "Slow queries"], serviceGroup: "Database" },
  { key: "mq", name: "Queue", prefix: "mq", checks: ["RabbitMQ queues", "Consumers"], serviceGroup: "Messaging" },
];

export function templateOf(key: TemplateKey): TemplateDefinition {
  const template = TEMPLATES.find((candidate) => candidate.key === key);
  if (!template) throw new RangeError(`unknown template ${key}`);
  return template;
}

export interface RegionDefinition {
  readonly code: string;
  readonly name: string;
}

export const REGIONS: readonly RegionDefinition[] = [
  { code: "eu", name: "EU" },
  { code: "us", name: "US" },
  { code: "ap", name: "APAC" },
];

export type RoleKey =
  | "edge-lb"
  | "api-lb"
  | "web-frontend"
  | "api-servers"
  | "portal-web"
  | "search-web"
  | "intranet-web"
  | "session-cache"
  | "search-cache"
  | "primary-db"
  | "payments-db"
  | "reporting-db"
  | "order-queue"
  | "mail-queue";

/** A kind of component; the estate has one per region where a business service needs it. */
export interface RoleDefinition {
  readonly key: RoleKey;
  /** The component is called "<name> <region>", e.g. "Web frontend EU". */
  readonly name: string;
  readonly template: TemplateKey;
  /** Relative share of the estate's hosts. */
  readonly weight: number;
  readonly minHosts: number;
  readonly maxHosts: number;
}

export const ROLES: readonly RoleDefinition[] = [
  { key: "edge-lb", name: "Edge load balancers", template: "lb", weight: 1, minHosts: 2, maxHosts: 4 },
  { key: "api-lb", name: "API load balancers", template: "lb", weight: 1, minHosts: 2, maxHosts: 4 },
  { key: "web-frontend", name: "Web frontend", template: "web", weight: 5, minHosts: 2, maxHosts: Infinity },
  { key: "api-servers", name: "API servers", template: "web", weight: 4, minHosts: 2, maxHosts: Infinity },
  { key: "portal-web", name: "Portal servers", template: "web", weight: 3, minHosts: 2, maxHosts: Infinity },
  { key: "search-web", name: "Search nodes", template: "web", weight: 3, minHosts: 2, maxHosts: Infinity },
  { key: "intranet-web", name: "Intranet web", template: "web", weight: 2, minHosts: 2, maxHosts: Infinity },
  { key: "session-cache", name: "Session cache", template: "cache", weight: 2, minHosts: 2, maxHosts: 12 },
  { key: "search-cache", name: "Search cache", template: "cache", weight: 1.5, minHosts: 2, maxHosts: 9 },
  { key: "primary-db", name: "Primary database", template: "db", weight: 1.2, minHosts: 2, maxHosts: 6 },
  { key: "payments-db", name: "Payments database", template: "db", weight: 1, minHosts: 2, maxHosts: 4 },
  { key: "reporting-db", name: "Reporting warehouse", template: "db", weight: 1, minHosts: 2, maxHosts: 4 },
  { key: "order-queue", name: "Order queue", template: "mq", weight: 1.5, minHosts: 2, maxHosts: 9 },
  { key: "mail-queue", name: "Mail queue", template: "mq", weight: 1, minHosts: 2, maxHosts: 6 },
];

export function roleOf(key: RoleKey): RoleDefinition {
  const role = ROLES.find((candidate) => candidate.key === key);
  if (!role) throw new RangeError(`unknown role ${key}`);
  return role;
}

export interface ServiceDefinition {
  readonly name: string;
  /** In request order: load balancer, web, cache, database, queue. */
  readonly roles: readonly RoleKey[];
}

/** The first CORE_SERVICES are always present; the seed chooses among the rest. */
export const CORE_SERVICES = 5;

export const SERVICES: readonly ServiceDefinition[] = [
  { name: "Online shop", roles: ["edge-lb", "web-frontend", "session-cache", "primary-db", "order-queue"] },
  { name: "Payment API", roles: ["api-lb", "api-servers", "payments-db", "order-queue"] },
  { name: "Customer portal", roles: ["edge-lb", "portal-web", "session-cache", "primary-db"] },
  { name: "Search", roles: ["api-lb", "search-web", "search-cache"] },
  { name: "Email delivery", roles: ["api-servers", "primary-db", "mail-queue"] },
  { name: "Mobile backend", roles: ["api-lb", "api-servers", "session-cache", "primary-db"] },
  { name: "Reporting", roles: ["intranet-web", "reporting-db"] },
  { name: "Partner API", roles: ["api-lb", "api-servers", "primary-db", "order-queue"] },
  { name: "Internal wiki", roles: ["intranet-web", "search-cache", "primary-db"] },
  { name: "Status page", roles: ["edge-lb", "web-frontend"] },
  { name: "Order fulfilment", roles: ["api-servers", "primary-db", "order-queue"] },
  { name: "Single sign-on", roles: ["edge-lb", "portal-web", "session-cache", "primary-db"] },
  { name: "Product catalogue", roles: ["edge-lb", "web-frontend", "search-cache", "primary-db"] },
  { name: "Newsletter", roles: ["intranet-web", "reporting-db", "mail-queue"] },
  { name: "Analytics pipeline", roles: ["api-servers", "reporting-db", "order-queue"] },
];
