// The access matrix: for every page, API route (and method) and server action, who may use it.
// tests/access/access-matrix.test.ts fails when the source tree has a path this table does not
// list (or the table lists one that no longer exists); e2e/access-matrix.spec.ts runs every case
// below as every role against a running app. Outcomes are what the product SHOULD do (README,
// issue 12), not necessarily what it does today. The rules behind them: docs/access-rules.md.
//
// To add a path: add a row to PAGES, API_ROUTES or SERVER_ACTIONS with one case or more. A case
// says what it requests (built from the role's samples) and the expected outcome for every role;
// start from a preset below (bsmPage, adminApi, ...) and override where a role differs.

export const ROLES = ["anonymous", "admin", "noBsm", "topDown", "bottomUp", "keyword", "configureBsm", "configureComponents"] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, "anonymous">;

/** What each signed-in role is given; e2e/access-matrix.spec.ts seeds exactly this. */
export interface RoleGrants {
  isAdmin?: boolean;
  bsmAccess?: boolean;
  viewAll?: boolean;
  allBusinessServices?: boolean;
  grantServicesOfComponents?: boolean;
  configureBsm?: boolean;
  configureBsmComponents?: boolean;
  actionBsm?: boolean;
  hostGroups?: string[];
  keywords?: string[];
  allServiceGroups?: boolean;
  serviceGroups?: string[];
  /** Top down: business services by name, view only or editable. */
  services?: Record<string, "view" | "edit">;
}

/**
 * The estate: the simulated source with these settings (so component names and host groups are
 * fixed), plus the business services the spec creates from its components.
 */
export const SIMULATED_SETTINGS = { seed: 11, hosts: 60, businessServices: 6, eventsPerHour: 0 } as const;
export const MATRIX_SERVICES: Record<string, string[]> = {
  "Matrix top-down": ["Search cache EU"],
  "Matrix bottom-up": ["Web frontend EU"],
  "Matrix keyword": ["Primary database EU"],
  "Matrix editable": ["API load balancers EU"],
  "Matrix components": ["Payments database EU"],
  // Seen by administrators only.
  "Matrix hidden": ["Session cache EU"],
};

export const ROLE_GRANTS: Record<SignedInRole, RoleGrants> = {
  admin: { isAdmin: true },
  // A role without BSM access, every other box ticked: none of them may count.
  noBsm: { bsmAccess: false, viewAll: true, allBusinessServices: true, configureBsm: true, configureBsmComponents: true },
  topDown: { services: { "Matrix top-down": "view" } },
  bottomUp: {
    hostGroups: ["Production / EU / Web"],
    allServiceGroups: false,
    serviceGroups: ["Web", "Operating system", "Network"],
    grantServicesOfComponents: true,
  },
  // ACTIONBSM too: acknowledge and downtime on the hosts it sees.
  keyword: { keywords: ["primary-db"], grantServicesOfComponents: true, actionBsm: true },
  configureBsm: { configureBsm: true, services: { "Matrix editable": "edit" } },
  // Sees Payments database EU bottom up, and Search cache EU only top down (through a view-only service).
  configureComponents: { configureBsmComponents: true, keywords: ["payments-db"], grantServicesOfComponents: true, services: { "Matrix top-down": "view" } },
};

/**
 * Named objects per role: `own` is what the role is meant to reach, `foreign` what it is not
 * (for admin, an object no other role sees). `host` is the first host of `component.own`.
 */
export interface RoleSampleNames {
  service: { own: string; foreign: string };
  component: { own: string; foreign: string };
}
const ADMIN_SAMPLES: RoleSampleNames = { service: { own: "Matrix top-down", foreign: "Matrix hidden" }, component: { own: "Search cache EU", foreign: "Session cache EU" } };
export const ROLE_SAMPLES: Record<Role, RoleSampleNames> = {
  anonymous: ADMIN_SAMPLES,
  admin: ADMIN_SAMPLES,
  noBsm: ADMIN_SAMPLES,
  topDown: { service: { own: "Matrix top-down", foreign: "Matrix hidden" }, component: { own: "Search cache EU", foreign: "Session cache EU" } },
  bottomUp: { service: { own: "Matrix bottom-up", foreign: "Matrix hidden" }, component: { own: "Web frontend EU", foreign: "Session cache EU" } },
  keyword: { service: { own: "Matrix keyword", foreign: "Matrix hidden" }, component: { own: "Primary database EU", foreign: "Session cache EU" } },
  configureBsm: { service: { own: "Matrix editable", foreign: "Matrix hidden" }, component: { own: "API load balancers EU", foreign: "Session cache EU" } },
  configureComponents: { service: { own: "Matrix components", foreign: "Matrix hidden" }, component: { own: "Payments database EU", foreign: "Session cache EU" } },
};

/** What a case builds its request from: the role's samples resolved to ids, and throwaway objects. */
export interface Sample {
  role: Role;
  service: { own: number; foreign: number };
  component: { own: number; foreign: number; topDownOnly: number };
  host: { ofOwnComponent: string; foreign: string };
  /** A notification profile owned by this role's user (admin's for anonymous), and one owned by another user, not shared. */
  profile: { own: number; foreign: number };
  /** The current definition of a component / business service: a valid input that changes nothing. */
  componentInput(componentId: number): Promise<{ name: string; hostTemplateId: number; hostIds: number[]; requiredOnline: number }>;
  serviceInput(serviceId: number): Promise<{ name: string; componentIds: number[] }>;
  /** Fresh objects made for one request (they may be deleted): a component on the hosts of Payments database EU, … */
  throwawayComponent(): Promise<number>;
  /** … a business service with no components, editable by this role when it has CONFIGUREBSM, … */
  throwawayService(): Promise<number>;
  /** … and a notification profile owned by this role's user. */
  throwawayProfile(): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** Pages: "allowed" is a 200 or a redirect elsewhere than sign-in; "signin" a redirect to /signin. */
export type PageOutcome = "allowed" | "signin" | 403 | 404;
/** API: "allowed" is any answer but 401/403/404 and 5xx (400 for a harmless invalid body is allowed). */
export type ApiOutcome = "allowed" | 401 | 403 | 404 | "403/404";
/**
 * Server actions, judged by the result: "refused" a permission message, "notFound" a not-found
 * message (how a hidden object is refused), "denied" either, "signin" a redirect to sign-in,
 * "allowed" anything else (validation errors included).
 */
export type ActionOutcome = "allowed" | "refused" | "notFound" | "denied" | "signin";
export type Expectation<O> = Record<Role, O>;

function expectation<O>(everyone: O, overrides: Partial<Record<Role, O>>): Expectation<O> {
  return Object.fromEntries(ROLES.map((role) => [role, overrides[role] ?? everyone])) as Expectation<O>;
}
/** Every role as given; roles not listed get `others`. */
export const roles = <O>(others: O, overrides: Partial<Record<Role, O>>): Expectation<O> => expectation(others, overrides);
const allowedFor = <O>(refusal: O, allowed: readonly Role[], extra: Partial<Record<Role, O>>): Expectation<O | "allowed"> =>
  expectation<O | "allowed">(refusal, { ...Object.fromEntries(allowed.map((role) => [role, "allowed"])), ...extra });

const BSM_ROLES: readonly Role[] = ["admin", "topDown", "bottomUp", "keyword", "configureBsm", "configureComponents"];
const SIGNED_IN: readonly Role[] = ["admin", "noBsm", ...BSM_ROLES.filter((role) => role !== "admin")];
/** Roles that see the hosts of their own component (bottom up); the others see it top down only. */
const SEE_OWN_HOSTS: readonly Role[] = ["admin", "bottomUp", "keyword", "configureComponents"];

export const publicPage: Expectation<PageOutcome> = roles("allowed", {});
export const signedInPage = allowedFor<PageOutcome>(403, SIGNED_IN, { anonymous: "signin" });
export const bsmPage = allowedFor<PageOutcome>(403, BSM_ROLES, { anonymous: "signin" });
export const adminPage = allowedFor<PageOutcome>(403, ["admin"], { anonymous: "signin" });
/** Pages of the configuration document (CONFIGUREBSM or CONFIGUREBSMCOMPONENTS). */
export const documentPage = allowedFor<PageOutcome>(403, ["admin", "configureBsm", "configureComponents"], { anonymous: "signin" });
/** A BSM page about an object the role may not see: 404 (admins see everything). */
export const foreignObjectPage = allowedFor<PageOutcome>(404, ["admin"], { anonymous: "signin", noBsm: 403 });

export const publicApi: Expectation<ApiOutcome> = roles("allowed", {});
export const bsmApi = allowedFor<ApiOutcome>(403, BSM_ROLES, { anonymous: 401 });
export const foreignObjectApi = allowedFor<ApiOutcome>(404, ["admin"], { anonymous: 401, noBsm: 403 });

export const signedInAction = allowedFor<ActionOutcome>("refused", SIGNED_IN, { anonymous: "signin" });
export const bsmAction = allowedFor<ActionOutcome>("refused", BSM_ROLES, { anonymous: "signin" });
export const adminAction = allowedFor<ActionOutcome>("refused", ["admin"], { anonymous: "signin" });
export const documentAction = allowedFor<ActionOutcome>("refused", ["admin", "configureBsm", "configureComponents"], { anonymous: "signin" });
export const componentsAction = allowedFor<ActionOutcome>("refused", ["admin", "configureComponents"], { anonymous: "signin" });

// ---------------------------------------------------------------------------------------------
// Rows

export interface PageCase {
  what: string;
  url(sample: Sample): string;
  expect: Expectation<PageOutcome>;
  /** What the page, when allowed, must not show these roles (matched against its HTML). */
  mustNotShow?: { what: string; roles: readonly Role[]; html: RegExp }[];
}
export interface PageRow {
  /** The route as the file system names it: /bsm/service/[id]. */
  route: string;
  cases: PageCase[];
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export interface ApiCase {
  what: string;
  url(sample: Sample): string;
  /** A harmless JSON body (invalid input, or a no-op); none for GET. */
  body?(sample: Sample): Promise<unknown> | unknown;
  expect: Expectation<ApiOutcome>;
}
export interface ApiRow {
  route: string;
  methods: Partial<Record<HttpMethod, ApiCase[]>>;
}

/** A FormData argument of a server action, as a form posts it. */
export class FormFields {
  constructor(readonly fields: Record<string, string>) {}
}
export type ActionArgument = FormFields | string | number | boolean | null | ActionArgument[] | { [key: string]: ActionArgument };
export interface ActionCase {
  what: string;
  args(sample: Sample): Promise<ActionArgument[]> | ActionArgument[];
  expect: Expectation<ActionOutcome>;
  /** Changes data when allowed: run after the role's other requests (on throwaway objects only). */
  mutates?: boolean;
}
export interface ActionRow {
  /** The "use server" file and the exported function. */
  file: string;
  name: string;
  cases: ActionCase[];
}

const fixedUrl = (url: string) => () => url;
const NO_SUCH_ID = 2_000_000_000;
const IDLE = { status: "idle" };

export const PAGES: PageRow[] = [
  { route: "/signin", cases: [{ what: "the sign-in form (signed-in users are sent on)", url: fixedUrl("/signin"), expect: publicPage }] },
  {
    route: "/",
    cases: [
      {
        what: "the dashboard",
        url: fixedUrl("/"),
        expect: signedInPage,
        // Issue 12 finding 2: no BSM navigation and no estate-wide counts without BSM access.
        mustNotShow: [
          { what: "BSM navigation or links", roles: ["noBsm"], html: /href="\/(summary|overview|hosts|notifications)"/ },
          { what: "estate-wide counts", roles: ["noBsm"], html: /data-testid="count-/ },
          { what: "Configure link", roles: ["noBsm", "topDown", "bottomUp", "keyword"], html: /href="\/configure"/ },
          { what: "Admin link", roles: ["noBsm", "topDown", "bottomUp", "keyword", "configureBsm", "configureComponents"], html: /href="\/admin"/ },
        ],
      },
    ],
  },
  { route: "/account", cases: [{ what: "own API tokens", url: fixedUrl("/account"), expect: signedInPage }] },
  { route: "/admin", cases: [{ what: "users and roles", url: fixedUrl("/admin"), expect: adminPage }] },
  {
    route: "/bsm/service/[id]",
    cases: [
      { what: "own service", url: (s) => `/bsm/service/${s.service.own}`, expect: bsmPage },
      { what: "foreign service", url: (s) => `/bsm/service/${s.service.foreign}`, expect: foreignObjectPage },
    ],
  },
  {
    route: "/bsm/component/[id]",
    cases: [
      { what: "own component", url: (s) => `/bsm/component/${s.component.own}`, expect: bsmPage },
      { what: "foreign component", url: (s) => `/bsm/component/${s.component.foreign}`, expect: foreignObjectPage },
    ],
  },
  {
    route: "/bsm/topology",
    cases: [
      { what: "the whole estate (what the role sees)", url: fixedUrl("/bsm/topology"), expect: bsmPage },
      { what: "own service", url: (s) => `/bsm/topology?scope=service:${s.service.own}`, expect: bsmPage },
      { what: "foreign component", url: (s) => `/bsm/topology?scope=component:${s.component.foreign}`, expect: foreignObjectPage },
    ],
  },
  {
    route: "/bsm/investigate/[...target]",
    cases: [
      { what: "own service", url: (s) => `/bsm/investigate/service/${s.service.own}`, expect: bsmPage },
      { what: "foreign component", url: (s) => `/bsm/investigate/component/${s.component.foreign}`, expect: foreignObjectPage },
      {
        what: "a host of own component (hosts are seen bottom up only)",
        url: (s) => `/bsm/investigate/host/${s.component.own}/${encodeURIComponent(s.host.ofOwnComponent)}`,
        expect: allowedFor<PageOutcome>(404, SEE_OWN_HOSTS, { anonymous: "signin", noBsm: 403 }),
      },
    ],
  },
  // What-if: anyone with BSM access, on the hosts they may see (docs/what-if.md §4); a scenario only for those who may see all its hosts.
  { route: "/bsm/what-if", cases: [
    { what: "a new scenario", url: fixedUrl("/bsm/what-if"), expect: bsmPage },
    { what: "own service's hosts", url: (s) => `/bsm/what-if?service=${s.service.own}`, expect: bsmPage },
    { what: "a foreign service's hosts", url: (s) => `/bsm/what-if?service=${s.service.foreign}`, expect: foreignObjectPage },
  ] },
  // SLA report: every business service the role may see (docs/sla.md §6).
  { route: "/bsm/sla", cases: [{ what: "this month's report", url: fixedUrl("/bsm/sla?period=month&offset=0"), expect: bsmPage }] },
  { route: "/bsm/what-if/[id]", cases: [{ what: "a scenario that does not exist", url: () => `/bsm/what-if/${NO_SUCH_ID}`, expect: allowedFor<PageOutcome>(404, [], { anonymous: "signin", noBsm: 403 }) }] },
  { route: "/configure", cases: [{ what: "configuration start (redirects to a tab)", url: fixedUrl("/configure"), expect: allowedFor<PageOutcome>(403, ["admin", "configureBsm", "configureComponents"], { anonymous: "signin" }) }] },
  { route: "/configure/components", cases: [{ what: "component editor", url: fixedUrl("/configure/components"), expect: allowedFor<PageOutcome>(403, ["admin", "configureComponents"], { anonymous: "signin" }) }] },
  { route: "/configure/membership", cases: [{ what: "membership review", url: fixedUrl("/configure/membership"), expect: allowedFor<PageOutcome>(403, ["admin", "configureComponents"], { anonymous: "signin" }) }] },
  {
    route: "/configure/services",
    cases: [
      { what: "service editor", url: fixedUrl("/configure/services"), expect: allowedFor<PageOutcome>(403, ["admin", "configureBsm"], { anonymous: "signin" }) },
      { what: "editing own service", url: (s) => `/configure/services?id=${s.service.own}`, expect: allowedFor<PageOutcome>(403, ["admin", "configureBsm"], { anonymous: "signin" }) },
      { what: "editing a foreign service", url: (s) => `/configure/services?id=${s.service.foreign}`, expect: allowedFor<PageOutcome>(403, ["admin"], { anonymous: "signin", configureBsm: 404 }) },
    ],
  },
  { route: "/hosts", cases: [{ what: "host elements", url: fixedUrl("/hosts"), expect: bsmPage }] },
  {
    route: "/hosts/[host]",
    cases: [
      { what: "a host of own component", url: (s) => `/hosts/${encodeURIComponent(s.host.ofOwnComponent)}`, expect: allowedFor<PageOutcome>(404, SEE_OWN_HOSTS, { anonymous: "signin", noBsm: 403 }) },
      { what: "a foreign host", url: (s) => `/hosts/${encodeURIComponent(s.host.foreign)}`, expect: foreignObjectPage },
    ],
  },
  { route: "/notifications", cases: [{ what: "own profiles", url: fixedUrl("/notifications"), expect: bsmPage }] },
  { route: "/notifications/new", cases: [{ what: "new profile form", url: fixedUrl("/notifications/new"), expect: bsmPage }] },
  { route: "/notifications/log", cases: [{ what: "notification log", url: fixedUrl("/notifications/log"), expect: bsmPage }] },
  {
    route: "/notifications/[id]",
    cases: [
      { what: "own profile", url: (s) => `/notifications/${s.profile.own}`, expect: bsmPage },
      // Administrators manage shared profiles; another user's private profile is not theirs either.
      { what: "another user's private profile", url: (s) => `/notifications/${s.profile.foreign}`, expect: allowedFor<PageOutcome>(404, [], { anonymous: "signin", noBsm: 403 }) },
      { what: "not an id", url: fixedUrl("/notifications/abc"), expect: allowedFor<PageOutcome>(404, [], { anonymous: "signin", noBsm: 403 }) },
    ],
  },
  { route: "/overview", cases: [{ what: "host overview", url: fixedUrl("/overview"), expect: bsmPage }] },
  { route: "/settings", cases: [{ what: "settings (administrator parts for administrators only)", url: fixedUrl("/settings"), expect: signedInPage }] },
  { route: "/settings/database", cases: [{ what: "monitoring source settings", url: fixedUrl("/settings/database"), expect: adminPage }] },
  { route: "/settings/outbound", cases: [{ what: "where notifications may connect", url: fixedUrl("/settings/outbound"), expect: adminPage }] },
  { route: "/settings/history", cases: [{ what: "history retention", url: fixedUrl("/settings/history"), expect: adminPage }] },
  { route: "/settings/export", cases: [{ what: "export settings", url: fixedUrl("/settings/export"), expect: bsmPage }] },
  // Import from Opsview: for those who may use the configuration document (docs/access-rules.md §7.3).
  { route: "/settings/import", cases: [{ what: "import from Opsview", url: fixedUrl("/settings/import"), expect: documentPage }] },
  { route: "/summary", cases: [{ what: "summary", url: fixedUrl("/summary"), expect: bsmPage }] },
];

const invalidComponent = { name: "", hostTemplateId: 1, hostIds: [], requiredOnline: 0 };
const invalidService = { name: "", componentIds: [] };
const componentsApi = allowedFor<ApiOutcome>(403, ["admin", "configureComponents"], { anonymous: 401 });
const servicesApi = allowedFor<ApiOutcome>(403, ["admin", "configureBsm"], { anonymous: 401 });
const documentApi = allowedFor<ApiOutcome>(403, ["admin", "configureBsm", "configureComponents"], { anonymous: 401 });
/** Acknowledge and downtime: ACTIONBSM (admin, keyword); a host the role does not see is 404. */
const actionApi = allowedFor<ApiOutcome>(403, ["admin", "keyword"], { anonymous: 401 });
const foreignActionApi = allowedFor<ApiOutcome>(403, ["admin"], { anonymous: 401, keyword: 404 });
const actionApiRow = (kind: string, foreign?: (host: string) => unknown): ApiRow => ({
  route: `/api/actions/${kind}`,
  methods: {
    POST: [
      { what: "invalid input (no targets)", url: fixedUrl(`/api/actions/${kind}`), body: () => ({ targets: [] }), expect: actionApi },
      ...(foreign ? [{ what: "a host the role does not see", url: fixedUrl(`/api/actions/${kind}`), body: (s: Sample) => foreign(s.host.foreign), expect: foreignActionApi }] : []),
    ],
  },
});

export const API_ROUTES: ApiRow[] = [
  { route: "/api/actions", methods: { GET: [{ what: "own acknowledgements and downtimes", url: fixedUrl("/api/actions?limit=5"), expect: bsmApi }] } },
  { route: "/api/actions/capabilities", methods: { GET: [{ what: "whether the role may act", url: fixedUrl("/api/actions/capabilities"), expect: bsmApi }] } },
  // The matrix's estate has no incidents, so every check is OK: acknowledging is refused with 400 (harmless) once access allows it.
  actionApiRow("acknowledge", (host) => ({ targets: [{ host }], comment: "matrix" })),
  // The other kinds would change the estate with valid input: the lib tests try their visibility.
  actionApiRow("downtime"),
  actionApiRow("remove-acknowledgement"),
  actionApiRow("remove-downtime"),
  {
    route: "/api/auth/[...nextauth]",
    methods: {
      GET: [{ what: "the session", url: fixedUrl("/api/auth/session"), expect: publicApi }],
      POST: [{ what: "sign-out without a CSRF token (refused by next-auth, harmless)", url: fixedUrl("/api/auth/signout"), body: () => ({}), expect: publicApi }],
    },
  },
  { route: "/api/health", methods: { GET: [{ what: "liveness", url: fixedUrl("/api/health"), expect: publicApi }] } },
  // The matrix's app has a fresh poller on its own PostgreSQL, so it is ready: 200 for everyone.
  { route: "/api/ready", methods: { GET: [{ what: "readiness", url: fixedUrl("/api/ready"), expect: publicApi }] } },
  // Sessions count only for users who see the whole estate (docs/access-rules.md §12); the e2e app allows no network and no anonymous reading.
  { route: "/metrics", methods: { GET: [{ what: "Prometheus metrics", url: fixedUrl("/metrics"), expect: allowedFor<ApiOutcome>(403, ["admin"], { anonymous: 401 }) }] } },
  { route: "/api/openapi.json", methods: { GET: [{ what: "the OpenAPI document", url: fixedUrl("/api/openapi.json"), expect: publicApi }] } },
  { route: "/api/events", methods: { GET: [{ what: "the event stream", url: fixedUrl("/api/events"), expect: bsmApi }] } },
  {
    route: "/api/config/bsmcomponent",
    methods: {
      GET: [{ what: "visible components", url: fixedUrl("/api/config/bsmcomponent"), expect: bsmApi }],
      POST: [{ what: "create with an invalid body", url: fixedUrl("/api/config/bsmcomponent"), body: () => invalidComponent, expect: componentsApi }],
    },
  },
  {
    route: "/api/config/bsmcomponent/[id]",
    methods: {
      GET: [
        { what: "own component", url: (s) => `/api/config/bsmcomponent/${s.component.own}`, expect: bsmApi },
        { what: "foreign component", url: (s) => `/api/config/bsmcomponent/${s.component.foreign}`, expect: foreignObjectApi },
      ],
      PUT: [
        { what: "own component, unchanged", url: (s) => `/api/config/bsmcomponent/${s.component.own}`, body: (s) => s.componentInput(s.component.own), expect: componentsApi },
        { what: "foreign component, invalid body", url: (s) => `/api/config/bsmcomponent/${s.component.foreign}`, body: () => invalidComponent, expect: allowedFor<ApiOutcome>(403, ["admin"], { anonymous: 401, configureComponents: 404 }) },
        // Issue 12 finding 3: seen only through a view-only service, so not editable.
        { what: "a component seen only top down, unchanged", url: (s) => `/api/config/bsmcomponent/${s.component.topDownOnly}`, body: (s) => s.componentInput(s.component.topDownOnly), expect: allowedFor<ApiOutcome>(403, ["admin"], { anonymous: 401, configureComponents: "403/404" }) },
      ],
      DELETE: [{ what: "a component that does not exist", url: () => `/api/config/bsmcomponent/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>(403, [], { anonymous: 401, admin: 404, configureComponents: 404 }) }],
    },
  },
  {
    route: "/api/config/bsmservice",
    methods: {
      GET: [{ what: "visible services", url: fixedUrl("/api/config/bsmservice"), expect: bsmApi }],
      POST: [{ what: "create with an invalid body", url: fixedUrl("/api/config/bsmservice"), body: () => invalidService, expect: servicesApi }],
    },
  },
  {
    route: "/api/config/bsmservice/[id]",
    methods: {
      GET: [
        { what: "own service", url: (s) => `/api/config/bsmservice/${s.service.own}`, expect: bsmApi },
        { what: "foreign service", url: (s) => `/api/config/bsmservice/${s.service.foreign}`, expect: foreignObjectApi },
      ],
      PUT: [
        { what: "own service, unchanged", url: (s) => `/api/config/bsmservice/${s.service.own}`, body: (s) => s.serviceInput(s.service.own), expect: servicesApi },
        { what: "foreign service, invalid body", url: (s) => `/api/config/bsmservice/${s.service.foreign}`, body: () => invalidService, expect: allowedFor<ApiOutcome>("403/404", ["admin"], { anonymous: 401, noBsm: 403 }) },
      ],
      DELETE: [{ what: "a service that does not exist", url: () => `/api/config/bsmservice/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>("403/404", [], { anonymous: 401, noBsm: 403, admin: 404, configureBsm: 404 }) }],
    },
  },
  // The component editor's host and template lists (docs/access-rules.md §7.2); hosts only those the caller may see.
  { route: "/api/config/hosts", methods: { GET: [{ what: "visible monitored hosts", url: fixedUrl("/api/config/hosts?rows=5"), expect: componentsApi }] } },
  { route: "/api/config/hosttemplates", methods: { GET: [{ what: "host templates", url: fixedUrl("/api/config/hosttemplates"), expect: componentsApi }] } },
  // Connectivity: anyone with BSM access, each seeing the interfaces of objects they may see (docs/access-rules.md §5.4).
  { route: "/api/connectivity/interfaces", methods: { GET: [{ what: "visible interfaces", url: fixedUrl("/api/connectivity/interfaces?rows=5"), expect: bsmApi }] } },
  { route: "/api/connectivity/connections", methods: { GET: [{ what: "visible connections", url: fixedUrl("/api/connectivity/connections?element=source"), expect: bsmApi }] } },
  // Configuration as a document: for those who may use one of the editors (docs/access-rules.md §7.3).
  { route: "/api/config/export", methods: { GET: [{ what: "the configuration the role may change", url: fixedUrl("/api/config/export"), expect: documentApi }] } },
  {
    route: "/api/config/import",
    methods: { POST: [{ what: "a dry run of an invalid document", url: fixedUrl("/api/config/import?dryRun=true"), body: () => ({ version: 99 }), expect: documentApi }] },
  },
  { route: "/api/config/membership", methods: { GET: [{ what: "membership changes waiting for review", url: fixedUrl("/api/config/membership"), expect: componentsApi }] } },
  { route: "/api/config/membership/apply", methods: { POST: [{ what: "a change that does not exist", url: fixedUrl("/api/config/membership/apply"), body: () => ({ changeId: 2_000_000_000 }), expect: componentsApi }] } },
  { route: "/api/config/membership/dismiss", methods: { POST: [{ what: "a change that does not exist", url: fixedUrl("/api/config/membership/dismiss"), body: () => ({ changeId: 2_000_000_000 }), expect: componentsApi }] } },
  {
    route: "/api/config/import/business-process",
    methods: { POST: [{ what: "a preview of text that is no process file", url: fixedUrl("/api/config/import/business-process?dryRun=true"), body: () => "not a process file", expect: documentApi }] },
  },
  {
    route: "/api/config/import/opsview",
    methods: { POST: [{ what: "a preview of an Opsview file of the wrong shape", url: fixedUrl("/api/config/import/opsview?dryRun=true"), body: () => ({ file: [] }), expect: documentApi }] },
  },
  {
    route: "/api/status/bsmservice",
    methods: { GET: [{ what: "visible services", url: fixedUrl("/api/status/bsmservice"), expect: bsmApi }] },
  },
  {
    route: "/api/status/bsmcomponent",
    methods: { GET: [{ what: "visible components", url: fixedUrl("/api/status/bsmcomponent"), expect: bsmApi }] },
  },
  {
    route: "/api/status/bsmhost",
    methods: {
      GET: [
        // Issue 12 finding 2: the hosts of a component seen top down only are not shown.
        { what: "hosts of own component", url: (s) => `/api/status/bsmhost?cid=${s.component.own}`, expect: allowedFor<ApiOutcome>("403/404", SEE_OWN_HOSTS, { anonymous: 401, noBsm: 403 }) },
        { what: "hosts of a foreign component", url: (s) => `/api/status/bsmhost?cid=${s.component.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/search",
    methods: {
      GET: [
        // Found objects are limited to what the role may see (lib/search/search-estate.int.test.ts); without BSM access nothing.
        { what: "a search", url: fixedUrl("/api/search?q=EU"), expect: bsmApi },
        { what: "a search without q (400 for those who may search)", url: fixedUrl("/api/search"), expect: bsmApi },
      ],
    },
  },
  {
    route: "/api/tokens",
    methods: {
      GET: [{ what: "own tokens", url: fixedUrl("/api/tokens"), expect: bsmApi }],
      POST: [{ what: "create with an invalid body", url: fixedUrl("/api/tokens"), body: () => ({ name: "" }), expect: bsmApi }],
    },
  },
  {
    route: "/api/tokens/[id]",
    methods: { DELETE: [{ what: "a token that does not exist", url: () => `/api/tokens/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>(404, [], { anonymous: 401, noBsm: 403 }) }] },
  },
  { route: "/api/views/summary", methods: { GET: [{ what: "summary", url: fixedUrl("/api/views/summary"), expect: bsmApi }] } },
  { route: "/api/views/availability", methods: { GET: [{ what: "availability", url: fixedUrl("/api/views/availability"), expect: bsmApi }] } },
  {
    route: "/api/views/topology",
    methods: {
      GET: [
        { what: "the whole estate", url: fixedUrl("/api/views/topology"), expect: bsmApi },
        { what: "own component", url: (s) => `/api/views/topology?scope=component:${s.component.own}`, expect: bsmApi },
        { what: "foreign service", url: (s) => `/api/views/topology?scope=service:${s.service.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/views/services/[id]",
    methods: {
      GET: [
        { what: "own service", url: (s) => `/api/views/services/${s.service.own}`, expect: bsmApi },
        { what: "foreign service", url: (s) => `/api/views/services/${s.service.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/views/components/[id]",
    methods: {
      GET: [
        { what: "own component", url: (s) => `/api/views/components/${s.component.own}`, expect: bsmApi },
        { what: "foreign component", url: (s) => `/api/views/components/${s.component.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/views/investigate/[...target]",
    methods: {
      GET: [
        { what: "own service", url: (s) => `/api/views/investigate/service/${s.service.own}`, expect: bsmApi },
        { what: "foreign service", url: (s) => `/api/views/investigate/service/${s.service.foreign}`, expect: foreignObjectApi },
        {
          what: "a host of own component",
          url: (s) => `/api/views/investigate/host/${s.component.own}/${encodeURIComponent(s.host.ofOwnComponent)}`,
          expect: allowedFor<ApiOutcome>(404, SEE_OWN_HOSTS, { anonymous: 401, noBsm: 403 }),
        },
      ],
    },
  },
  {
    route: "/api/whatif/evaluate",
    methods: {
      POST: [
        { what: "a host of own component failing (400 for roles that see it top down only)", url: fixedUrl("/api/whatif/evaluate"), body: (s) => ({ changes: [{ host: s.host.ofOwnComponent, to: "failed" }] }), expect: bsmApi },
        { what: "a foreign host (400, as unknown)", url: fixedUrl("/api/whatif/evaluate"), body: (s) => ({ changes: [{ host: s.host.foreign, to: "failed" }] }), expect: bsmApi },
      ],
    },
  },
  {
    route: "/api/whatif/scenarios",
    methods: {
      GET: [{ what: "own scenarios", url: fixedUrl("/api/whatif/scenarios"), expect: bsmApi }],
      POST: [{ what: "save with an invalid body", url: fixedUrl("/api/whatif/scenarios"), body: () => ({ name: "", changes: [] }), expect: bsmApi }],
    },
  },
  {
    route: "/api/whatif/scenarios/[id]",
    methods: {
      GET: [{ what: "a scenario that does not exist", url: () => `/api/whatif/scenarios/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>(404, [], { anonymous: 401, noBsm: 403 }) }],
      PATCH: [{ what: "a scenario that does not exist", url: () => `/api/whatif/scenarios/${NO_SUCH_ID}`, body: () => ({ name: "x" }), expect: allowedFor<ApiOutcome>(404, [], { anonymous: 401, noBsm: 403 }) }],
      DELETE: [{ what: "a scenario that does not exist", url: () => `/api/whatif/scenarios/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>(404, [], { anonymous: 401, noBsm: 403 }) }],
    },
  },
  // SLA (docs/sla.md §5): reads for whoever sees the object; excluded periods are changed with CONFIGUREBSM on an editable service.
  { route: "/api/sla/report", methods: { GET: [{ what: "this month, as CSV", url: fixedUrl("/api/sla/report?period=month&offset=0&format=csv"), expect: bsmApi }] } },
  {
    route: "/api/sla/business-services/[id]",
    methods: {
      GET: [
        { what: "own service", url: (s) => `/api/sla/business-services/${s.service.own}`, expect: bsmApi },
        { what: "a foreign service", url: (s) => `/api/sla/business-services/${s.service.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/sla/components/[id]",
    methods: {
      GET: [
        { what: "own component", url: (s) => `/api/sla/components/${s.component.own}`, expect: bsmApi },
        { what: "a foreign component", url: (s) => `/api/sla/components/${s.component.foreign}`, expect: foreignObjectApi },
      ],
    },
  },
  {
    route: "/api/sla/excluded-periods",
    methods: {
      GET: [
        { what: "own service's", url: (s) => `/api/sla/excluded-periods?objectType=BUSINESS_SERVICE&objectId=${s.service.own}`, expect: bsmApi },
        { what: "a foreign service's", url: (s) => `/api/sla/excluded-periods?objectType=BUSINESS_SERVICE&objectId=${s.service.foreign}`, expect: foreignObjectApi },
      ],
      POST: [
        {
          what: "own service, an invalid period (400 once allowed)",
          url: fixedUrl("/api/sla/excluded-periods"),
          body: (s) => ({ objectType: "BUSINESS_SERVICE", objectId: s.service.own, from: "not a time", to: "not a time", reason: "" }),
          expect: allowedFor<ApiOutcome>(403, ["admin", "configureBsm"], { anonymous: 401 }),
        },
      ],
    },
  },
  { route: "/api/sla/excluded-periods/[id]", methods: { DELETE: [{ what: "one that does not exist", url: () => `/api/sla/excluded-periods/${NO_SUCH_ID}`, expect: allowedFor<ApiOutcome>(404, [], { anonymous: 401, noBsm: 403 }) }] } },
];

const ADMIN_ACTIONS = "lib/actions/admin.ts";
const CONFIGURE_ACTIONS = "lib/actions/configure.ts";
const ACTIONS_OF_SOURCE = "lib/actions/source-actions.ts";
const DASHBOARD_ACTIONS = "lib/actions/dashboard.ts";
const NOTIFICATION_ACTIONS = "lib/actions/notifications.ts";
const OVERVIEW_ACTIONS = "lib/actions/overview.ts";
const SOURCE_ACTIONS = "lib/actions/source-settings.ts";
const EXPORT_ACTIONS = "lib/actions/export-settings.ts";
const OUTBOUND_ACTIONS = "lib/actions/outbound-policy.ts";
const HISTORY_ACTIONS = "lib/actions/history-settings.ts";
const OPSVIEW_IMPORT_ACTIONS = "lib/actions/opsview-import.ts";
const BUSINESS_PROCESS_IMPORT_ACTIONS = "lib/actions/business-process-import.ts";
const METRICS_ACTIONS = "lib/actions/metrics-settings.ts";
const MEMBERSHIP_ACTIONS = "lib/actions/membership.ts";
const WHATIF_ACTIONS = "lib/actions/whatif.ts";
const SLA_ACTIONS = "lib/actions/sla.ts";

/** Admin-only actions on an object that does not exist: the administrator gets past the check to "not found". */
const adminOnMissing = allowedFor<ActionOutcome>("refused", [], { anonymous: "signin", admin: "notFound" });
/** The same for CONFIGUREBSMCOMPONENTS actions. */
const componentsOnMissing = allowedFor<ActionOutcome>("refused", [], { anonymous: "signin", admin: "notFound", configureComponents: "notFound" });

export const SERVER_ACTIONS: ActionRow[] = [
  { file: "lib/actions/account.ts", name: "createApiTokenAction", cases: [{ what: "an empty token name", args: () => [{ name: "", scope: "full", expiresAt: "" }], expect: signedInAction }] },
  { file: "lib/actions/account.ts", name: "changePasswordAction", cases: [{ what: "an empty form", args: () => [{}], expect: signedInAction }] },
  { file: "lib/actions/account.ts", name: "savePreferencesAction", cases: [{ what: "an unknown theme", args: () => [{ theme: "purple", timeZone: null }], expect: signedInAction }] },
  { file: "lib/actions/account.ts", name: "revokeApiTokenAction", cases: [{ what: "a token that does not exist", args: () => [NO_SUCH_ID], expect: roles<ActionOutcome>("notFound", { anonymous: "signin" }) }] },

  { file: ADMIN_ACTIONS, name: "saveRoleAction", cases: [{ what: "a new role, invalid", args: () => [null, { name: "" }], expect: adminAction }] },
  { file: ADMIN_ACTIONS, name: "deleteRoleAction", cases: [{ what: "a role that does not exist", args: () => [NO_SUCH_ID], expect: adminOnMissing }] },
  { file: ADMIN_ACTIONS, name: "createUserAction", cases: [{ what: "a new user, invalid", args: () => [{ email: "" }], expect: adminAction }] },
  { file: ADMIN_ACTIONS, name: "setUserAccessAction", cases: [{ what: "a user that does not exist", args: () => ["no-such-user", { isAdmin: false, roleId: null }], expect: adminOnMissing }] },
  { file: ADMIN_ACTIONS, name: "resetUserPasswordAction", cases: [{ what: "a user that does not exist", args: () => ["no-such-user", { password: "a-new-password-123" }], expect: adminOnMissing }] },
  { file: ADMIN_ACTIONS, name: "deleteUserAction", cases: [{ what: "a user that does not exist", args: () => ["no-such-user"], expect: adminOnMissing }] },

  {
    file: CONFIGURE_ACTIONS,
    name: "saveComponentAction",
    cases: [
      { what: "a new component, invalid", args: () => [null, invalidComponent], expect: componentsAction },
      { what: "own component, unchanged", args: async (s) => [s.component.own, await s.componentInput(s.component.own)], expect: componentsAction },
      { what: "a foreign component, invalid", args: (s) => [s.component.foreign, invalidComponent], expect: allowedFor<ActionOutcome>("refused", ["admin"], { anonymous: "signin", configureComponents: "notFound" }) },
      // Issue 12 finding 3.
      { what: "a component seen only top down, unchanged", args: async (s) => [s.component.topDownOnly, await s.componentInput(s.component.topDownOnly)], expect: allowedFor<ActionOutcome>("refused", ["admin"], { anonymous: "signin", configureComponents: "denied" }) },
    ],
  },
  {
    file: CONFIGURE_ACTIONS,
    name: "deleteComponentAction",
    cases: [{ what: "a throwaway component", args: async (s) => [s.role === "anonymous" ? NO_SUCH_ID : await s.throwawayComponent()], expect: componentsAction, mutates: true }],
  },
  {
    file: CONFIGURE_ACTIONS,
    name: "saveBusinessServiceAction",
    cases: [
      { what: "a new service, invalid", args: () => [null, invalidService], expect: allowedFor<ActionOutcome>("refused", ["admin", "configureBsm"], { anonymous: "signin" }) },
      { what: "own service, unchanged", args: async (s) => [s.service.own, await s.serviceInput(s.service.own)], expect: allowedFor<ActionOutcome>("denied", ["admin", "configureBsm"], { anonymous: "signin" }) },
      { what: "a foreign service, invalid", args: (s) => [s.service.foreign, invalidService], expect: allowedFor<ActionOutcome>("denied", ["admin"], { anonymous: "signin" }) },
    ],
  },
  {
    file: CONFIGURE_ACTIONS,
    name: "deleteBusinessServiceAction",
    cases: [{ what: "a throwaway service", args: async (s) => [s.role === "anonymous" ? NO_SUCH_ID : await s.throwawayService()], expect: allowedFor<ActionOutcome>("denied", ["admin", "configureBsm"], { anonymous: "signin" }), mutates: true }],
  },

  // A change that does not exist is "nothing to do" (Apply and Dismiss are idempotent); the matrix's estate has no rule component.
  { file: MEMBERSHIP_ACTIONS, name: "applyMembershipChangeAction", cases: [{ what: "a change that does not exist", args: () => [NO_SUCH_ID], expect: componentsAction }] },
  { file: MEMBERSHIP_ACTIONS, name: "dismissMembershipChangeAction", cases: [{ what: "a change that does not exist", args: () => [NO_SUCH_ID], expect: componentsAction }] },

  {
    file: DASHBOARD_ACTIONS,
    name: "pinDashletAction",
    cases: [
      { what: "invalid input", args: () => [{ kind: "nothing" }], expect: bsmAction },
      { what: "a foreign service", args: (s) => [{ kind: "service", target: String(s.service.foreign) }], expect: allowedFor<ActionOutcome>("refused", ["admin"], { anonymous: "signin" }) },
    ],
  },
  { file: DASHBOARD_ACTIONS, name: "moveDashletAction", cases: [{ what: "a dashlet that does not exist", args: () => [NO_SUCH_ID, "earlier"], expect: bsmAction }] },
  { file: DASHBOARD_ACTIONS, name: "resizeDashletAction", cases: [{ what: "a dashlet that does not exist", args: () => [NO_SUCH_ID, "large"], expect: bsmAction }] },
  { file: DASHBOARD_ACTIONS, name: "removeDashletAction", cases: [{ what: "a dashlet that does not exist", args: () => [NO_SUCH_ID], expect: bsmAction }] },

  { file: NOTIFICATION_ACTIONS, name: "saveProfileAction", cases: [{ what: "a new profile, invalid", args: () => [null, { name: "" }], expect: bsmAction }] },
  {
    file: NOTIFICATION_ACTIONS,
    name: "deleteProfileAction",
    cases: [
      { what: "another user's private profile", args: (s) => [s.profile.foreign], expect: roles<ActionOutcome>("refused", { anonymous: "signin" }) },
      { what: "a throwaway profile of one's own", args: async (s) => [s.role === "anonymous" ? NO_SUCH_ID : await s.throwawayProfile()], expect: bsmAction, mutates: true },
    ],
  },
  { file: NOTIFICATION_ACTIONS, name: "saveContactAction", cases: [{ what: "invalid contact details", args: () => [{ pager: 5 }], expect: bsmAction }] },

  { file: OVERVIEW_ACTIONS, name: "setHostExportAction", cases: [{ what: "a host that does not exist", args: () => [IDLE, new FormFields({ host: "no-such-host", exportEnabled: "true" })], expect: componentsOnMissing }] },
  { file: OVERVIEW_ACTIONS, name: "reflectHostAction", cases: [{ what: "a host that does not exist", args: () => [IDLE, new FormFields({ host: "no-such-host" })], expect: componentsOnMissing }] },
  // Nothing is exported in the matrix's estate, so Reflect All changes nothing.
  { file: OVERVIEW_ACTIONS, name: "reflectAllAction", cases: [{ what: "reflect all (nothing pending)", args: () => [IDLE, new FormFields({})], expect: componentsAction }] },

  { file: SOURCE_ACTIONS, name: "saveSourceSettingsAction", cases: [{ what: "invalid settings", args: () => [{ kind: "no-such-source" }], expect: adminAction }] },
  { file: SOURCE_ACTIONS, name: "testSourceConnectionAction", cases: [{ what: "an invalid source", args: () => [{ kind: "no-such-source" }], expect: adminAction }] },
  // Nothing was saved, so going back to the environment's settings changes nothing.
  { file: SOURCE_ACTIONS, name: "resetSourceSettingsAction", cases: [{ what: "back to the environment's settings (none saved)", args: () => [], expect: adminAction, mutates: true }] },

  { file: METRICS_ACTIONS, name: "saveMetricsSettingsAction", cases: [{ what: "an invalid value", args: () => [{ anonymous: "yes" }], expect: adminAction }] },
  { file: HISTORY_ACTIONS, name: "saveHistoryRetentionAction", cases: [{ what: "an invalid retention", args: () => [{ retentionDays: 0 }], expect: adminAction }] },
  { file: OUTBOUND_ACTIONS, name: "saveOutboundPolicyAction", cases: [{ what: "an invalid entry", args: () => [{ allow: "not an address/99", deny: "" }], expect: adminAction }] },
  {
    file: OPSVIEW_IMPORT_ACTIONS,
    name: "importFromOpsviewAction",
    cases: [{ what: "a preview of a file that is not JSON", args: () => [{ source: "file", fileText: "not json" }, { apply: false, prune: false }], expect: documentAction }],
  },
  {
    file: BUSINESS_PROCESS_IMPORT_ACTIONS,
    name: "importFromBusinessProcessAction",
    cases: [{ what: "a preview of text that is no process file", args: () => ["not a process file", { apply: false, prune: false }], expect: documentAction }],
  },
  { file: WHATIF_ACTIONS, name: "evaluateWhatIfAction", cases: [{ what: "no changes", args: () => [[]], expect: bsmAction }] },
  { file: WHATIF_ACTIONS, name: "saveWhatIfScenarioAction", cases: [{ what: "a scenario without name or changes", args: () => [{ name: "", changes: [] }], expect: bsmAction }] },
  { file: WHATIF_ACTIONS, name: "updateWhatIfScenarioAction", cases: [{ what: "a scenario that does not exist", args: () => [NO_SUCH_ID, { name: "x" }], expect: roles<ActionOutcome>("notFound", { anonymous: "signin", noBsm: "refused" }) }] },
  { file: WHATIF_ACTIONS, name: "deleteWhatIfScenarioAction", cases: [{ what: "a scenario that does not exist", args: () => [NO_SUCH_ID], expect: roles<ActionOutcome>("notFound", { anonymous: "signin", noBsm: "refused" }) }] },
  {
    file: SLA_ACTIONS,
    name: "saveSlaTargetAction",
    cases: [
      { what: "own service, an invalid target", args: (s) => ["BUSINESS_SERVICE", s.service.own, { targetPercent: 0 }], expect: allowedFor<ActionOutcome>("denied", ["admin", "configureBsm"], { anonymous: "signin" }) },
      { what: "a foreign service, an invalid target", args: (s) => ["BUSINESS_SERVICE", s.service.foreign, { targetPercent: 0 }], expect: allowedFor<ActionOutcome>("denied", ["admin"], { anonymous: "signin" }) },
    ],
  },
  { file: SLA_ACTIONS, name: "removeSlaTargetAction", cases: [{ what: "a service that does not exist", args: () => ["BUSINESS_SERVICE", NO_SUCH_ID], expect: roles<ActionOutcome>("notFound", { anonymous: "signin", noBsm: "refused" }) }] },
  {
    file: SLA_ACTIONS,
    name: "createExcludedPeriodAction",
    cases: [{ what: "own service, an invalid period", args: (s) => [{ objectType: "BUSINESS_SERVICE", objectId: s.service.own, from: 2, to: 1, reason: "" }], expect: allowedFor<ActionOutcome>("denied", ["admin", "configureBsm"], { anonymous: "signin" }) }],
  },
  { file: SLA_ACTIONS, name: "deleteExcludedPeriodAction", cases: [{ what: "one that does not exist", args: () => [NO_SUCH_ID], expect: roles<ActionOutcome>("notFound", { anonymous: "signin", noBsm: "refused" }) }] },
  { file: EXPORT_ACTIONS, name: "updateExportStateAction", cases: [{ what: "an invalid state", args: () => [IDLE, new FormFields({ hostType: "Web", state: "no-such-state" })], expect: componentsAction }] },
  {
    file: ACTIONS_OF_SOURCE,
    name: "requestSourceActionAction",
    cases: [{ what: "an acknowledgement without targets", args: () => [{ kind: "acknowledge", targets: [], comment: "matrix" }], expect: allowedFor<ActionOutcome>("refused", ["admin", "keyword"], { anonymous: "signin" }) }],
  },
  { file: ACTIONS_OF_SOURCE, name: "listSourceActionsAction", cases: [{ what: "own actions", args: () => [{}], expect: bsmAction }] },
  // Says why not (no ACTIONBSM, or a read-only source) rather than refusing.
  { file: ACTIONS_OF_SOURCE, name: "getSourceActionCapabilitiesAction", cases: [{ what: "what the role may do", args: () => [], expect: signedInAction }] },
  { file: EXPORT_ACTIONS, name: "updateReflectionModeAction", cases: [{ what: "an invalid mode", args: () => [IDLE, new FormFields({ mode: "no-such-mode" })], expect: adminAction }] },
];

/** Every path the table lists, in the form the source-tree enumeration gives (see enumerate-paths.ts). */
export function listedPaths(): string[] {
  return [
    ...PAGES.map((row) => `page ${row.route}`),
    ...API_ROUTES.flatMap((row) => Object.keys(row.methods).map((method) => `${method} ${row.route}`)),
    ...SERVER_ACTIONS.map((row) => `action ${row.file}#${row.name}`),
  ];
}
