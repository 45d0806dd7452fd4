// The REST API's description, served at /api/openapi.json. lib/api/openapi.test.ts checks that
// it lists exactly the route handlers under app/api (except sign-in and dashboard views).

import { HOST_STATES, SERVICE_STATES } from "../bsm";

const errorResponses = {
  "400": { description: "Bad input", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "Not signed in, or the API token is invalid, revoked or expired", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "Not permitted (a read-only API token changing something, a metrics API token anywhere but /metrics, or a cross-site request with a session cookie)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "404": { description: "No such object, or not visible to the caller", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "503": { description: "The application database cannot be reached; try again shortly", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const listParameters = [
  { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
  { name: "rows", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 50 } },
  { name: "name", in: "query", description: "Case-insensitive part of the name", schema: { type: "string" } },
  { name: "status", in: "query", description: "One or more states, repeated or comma-separated", schema: { type: "string" } },
];

const pagingParameters = listParameters.filter((parameter) => parameter.name !== "status");
const idAndName = { type: "object", required: ["id", "name"], properties: { id: { type: "integer" }, name: { type: "string" } } };
const notesField = { type: "string", maxLength: 2000, description: "Plain text, shown as typed; sent to notification methods as OPSVIEW_NOTES when the profile includes notes" };
const configPage = (item: string) => ({
  type: "object",
  required: ["list", "summary"],
  properties: { list: { type: "array", items: { $ref: `#/components/schemas/${item}` } }, summary: page(item).properties.summary },
});

const elementKey = { type: "string", description: "source, host:<host name> (a host element), component:<id> or service:<id>" };
const connectivityParameters = [
  ...pagingParameters.filter((parameter) => parameter.name !== "name"),
  { name: "element", in: "query", description: "Only interfaces of this element (connections from it)", schema: elementKey },
  { name: "object", in: "query", description: "Only interfaces and connections touching this object at either end", schema: elementKey },
];

const idParameter = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const flag = { type: "integer", enum: [0, 1] };
const count = { type: "integer", minimum: 0 };
const percent = { type: "number", minimum: 0, maximum: 100 };
const statusSince = { type: ["string", "null"], format: "date-time", description: "When the object entered its status (the last state change); null until the poller has stored it" };

const page = (item: string) => ({
  type: "object",
  required: ["list", "summary", "stale_since"],
  properties: {
    list: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
    stale_since: {
      type: ["string", "null"],
      format: "date-time",
      description: "When the monitoring source stopped answering (the states are the last known ones since then); null while the data is fresh",
    },
    summary: {
      type: "object",
      properties: { page: count, rows: count, totalpages: count, totalrows: count },
    },
  },
});

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const whatIfFlags = (states: readonly string[]) => ({
  type: "object",
  required: ["state", "acknowledged", "impacted"],
  properties: { state: { type: "string", enum: states }, acknowledged: { type: "boolean" }, impacted: { type: "boolean" } },
});
const sourceActionDescription =
  "Needs ACTIONBSM (administrators have it) and that the caller may see every host and check named (bottom up; otherwise 404). Answers 202 with the action, status pending: the poller sends it to the source (sent), and it becomes confirmed when a poll shows the acknowledgement or downtime on every target check, or failed with the source's message when refused or not shown within 2 minutes (a downtime starting later: within 2 minutes of its start). A read-only source (Opsview runtime database, Icinga IDO) answers 409 with the reason. A read-only API token answers 403. Every action is audited (source-action.<kind>, source-action.sent / confirmed / failed).";
const sourceActionResponses = {
  "202": { description: "Stored, pending; follow it with GET /api/actions?ids=", ...json(ref("SourceAction")) },
  "409": { description: "The monitoring source does not accept commands (the reason in the message)", ...json(ref("Error")) },
  ...errorResponses,
};

const objectSlaPath = (what: string) => ({
  get: {
    summary: `A ${what}'s SLA target and its figures for the current period (offset=-1: the previous one)`,
    parameters: [idParameter, { name: "offset", in: "query", schema: { type: "integer", enum: [0, -1], default: 0 } }],
    responses: { "200": { description: "Target and figures (both null without a target)", ...json(ref("ObjectSla")) }, ...errorResponses },
  },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "BSM Dashboard REST API",
    version: "1.0.0",
    description:
      "Status and configuration of Business Service Monitoring, with Opsview's field names. Every answer is limited to what the caller may see. Authenticate with the session cookie, or with a personal API token (Account page) sent as `Authorization: Bearer <token>`. Changes made with a session cookie must come from this site (Origin header).",
  },
  security: [{ bearerToken: [] }, { sessionCookie: [] }],
  paths: {
    "/api/status/bsmservice": {
      get: {
        summary: "Business services, problems first",
        parameters: listParameters,
        responses: { "200": { description: "A page of business services", ...json(page("BsmService")) }, ...errorResponses },
      },
    },
    "/api/status/bsmcomponent": {
      get: {
        summary: "Components, problems first",
        parameters: listParameters,
        responses: { "200": { description: "A page of components", ...json(page("BsmComponent")) }, ...errorResponses },
      },
    },
    "/api/status/bsmhost": {
      get: {
        summary: "The hosts of one component, as that component sees them (403 when the caller sees the component only through a business service, not its hosts)",
        parameters: [{ name: "cid", in: "query", required: true, schema: { type: "integer" } }, ...listParameters],
        responses: { "200": { description: "A page of hosts", ...json(page("BsmHost")) }, ...errorResponses },
      },
    },
    "/api/config/bsmcomponent": {
      get: { summary: "Components the caller may see", responses: { "200": { description: "Components", ...json({ type: "object", properties: { list: { type: "array", items: ref("ComponentConfig") } } }) }, ...errorResponses } },
      post: {
        summary: "Create a component (CONFIGUREBSMCOMPONENTS)",
        requestBody: { required: true, ...json(ref("ComponentInput")) },
        responses: { "201": { description: "Created", ...json(ref("Created")) }, ...errorResponses },
      },
    },
    "/api/config/bsmcomponent/{id}": {
      get: { summary: "One component", parameters: [idParameter], responses: { "200": { description: "The component", ...json(ref("ComponentConfig")) }, ...errorResponses } },
      put: {
        summary: "Replace a component's name, template, hosts and required online",
        parameters: [idParameter],
        requestBody: { required: true, ...json(ref("ComponentInput")) },
        responses: { "204": { description: "Updated" }, ...errorResponses },
      },
      delete: {
        summary: "Delete a component; one that business services use answers 409 listing them, unless removeFromServices=true confirms they lose it",
        parameters: [idParameter, { name: "removeFromServices", in: "query", description: "true: delete it even though business services use it; they lose it", schema: { type: "boolean", default: false } }],
        responses: { "204": { description: "Deleted" }, "409": { description: "Business services use it (named in the message); nothing was deleted", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }, ...errorResponses },
      },
    },
    "/api/config/bsmservice": {
      get: { summary: "Business services the caller may see", responses: { "200": { description: "Business services", ...json({ type: "object", properties: { list: { type: "array", items: ref("BusinessServiceConfig") } } }) }, ...errorResponses } },
      post: {
        summary: "Create a business service (CONFIGUREBSM); the creator's role may then edit it",
        requestBody: { required: true, ...json(ref("BusinessServiceInput")) },
        responses: { "201": { description: "Created", ...json(ref("Created")) }, ...errorResponses },
      },
    },
    "/api/config/bsmservice/{id}": {
      get: { summary: "One business service", parameters: [idParameter], responses: { "200": { description: "The business service", ...json(ref("BusinessServiceConfig")) }, ...errorResponses } },
      put: {
        summary: "Replace a business service's name and ordered components (needs edit rights on it)",
        parameters: [idParameter],
        requestBody: { required: true, ...json(ref("BusinessServiceInput")) },
        responses: { "204": { description: "Updated" }, ...errorResponses },
      },
      delete: { summary: "Delete a business service", parameters: [idParameter], responses: { "204": { description: "Deleted" }, ...errorResponses } },
    },
    "/api/config/hosts": {
      get: {
        summary: "Monitored hosts the caller may see, with their templates, host groups and service groups, by name (CONFIGUREBSMCOMPONENTS)",
        parameters: [...pagingParameters, { name: "hostTemplate", in: "query", description: "Only hosts using the host template of exactly this name", schema: { type: "string" } }],
        responses: { "200": { description: "A page of hosts", ...json(configPage("HostConfig")) }, ...errorResponses },
      },
    },
    "/api/config/hosttemplates": {
      get: {
        summary: "Host templates with how many monitored hosts use each, by name (CONFIGUREBSMCOMPONENTS)",
        parameters: pagingParameters,
        responses: { "200": { description: "A page of host templates", ...json(configPage("HostTemplateConfig")) }, ...errorResponses },
      },
    },
    "/api/connectivity/interfaces": {
      get: {
        summary: "Connectivity interfaces of objects the caller may see at both ends: the source's input per host element, a host element's output per component, a component's output per business service",
        parameters: connectivityParameters,
        responses: { "200": { description: "A page of interfaces, by id", ...json(configPage("ConnectivityInterface")) }, ...errorResponses },
      },
    },
    "/api/connectivity/connections": {
      get: {
        summary: "The connection each visible interface carries, in the state of the object it comes from",
        parameters: connectivityParameters,
        responses: { "200": { description: "A page of connections, by id", ...json(configPage("Connection")) }, ...errorResponses },
      },
    },
    "/api/config/export": {
      get: {
        summary: "The configuration the caller may change as one document (CONFIGUREBSM or CONFIGUREBSMCOMPONENTS): components whose hosts the caller all sees, business services the caller may edit, sorted by name",
        parameters: [{ name: "format", in: "query", schema: { type: "string", enum: ["json", "yaml"], default: "json" } }],
        responses: {
          "200": { description: "The document", content: { "application/json": { schema: ref("ConfigDocument") }, "application/yaml": { schema: ref("ConfigDocument") } } },
          ...errorResponses,
        },
      },
    },
    "/api/config/import": {
      post: {
        summary: "Bring the configuration to what a document says, matching objects by name, in one transaction (idempotent)",
        description:
          "The body is a document as export writes it, JSON or YAML (Content-Type application/yaml or text/yaml). Any problem refuses the whole import with 400 and a message per path in the document (`fieldErrors`, e.g. `components[3].hosts[1]`); nothing is written. With dryRun=true nothing is written and the plan and problems are answered with 200. Components need CONFIGUREBSMCOMPONENTS, business services CONFIGUREBSM, with the editors' rules.",
        parameters: [
          { name: "dryRun", in: "query", description: "true: only plan", schema: { type: "boolean", default: false } },
          { name: "prune", in: "query", description: "true: delete the components and services the caller may change that the document leaves out (otherwise they are kept)", schema: { type: "boolean", default: false } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("ConfigDocument") }, "application/yaml": { schema: ref("ConfigDocument") } } },
        responses: { "200": { description: "Applied, or planned (dryRun)", ...json(ref("ConfigImportResult")) }, ...errorResponses },
      },
    },
    "/api/config/import/business-process": {
      post: {
        summary: "Import an Icinga Business Process file (processes/NAME.conf) as a configuration document; a preview unless dryRun=false",
        description:
          "The body is the process file's text. A node over hosts (`host;Hoststatus`) with `N of:` becomes a component with required online N (with `&`, every host); a node joining such nodes with `&` becomes a business service; a `display` title is the name, else the node's name. The host template is the one all the component's hosts use that is the primary template of most of them. What cannot be expressed (`|`, `!`, `%`, service-level children, nested services, unknown hosts, info_url …) is answered in `notImported` with node, line and reason and does not stop the rest. A file the module would refuse is 400 on `file` with the line; a plan problem refuses the apply with 400 (paths like `comp_web (line 12).hosts[1]`). Access as /api/config/import.",
        parameters: [
          { name: "dryRun", in: "query", description: "true (the default): only plan; false: apply", schema: { type: "boolean", default: true } },
          { name: "prune", in: "query", description: "true: delete the components and services the caller may change that the file leaves out", schema: { type: "boolean", default: false } },
        ],
        requestBody: { required: true, content: { "text/plain": { schema: { type: "string" } } } },
        responses: {
          "200": {
            description: "Applied, or planned (dryRun), with what was not imported",
            ...json({
              allOf: [
                ref("ConfigImportResult"),
                {
                  type: "object",
                  required: ["notImported"],
                  properties: { notImported: { type: "array", items: { type: "object", required: ["node", "line", "reason"], properties: { node: { type: "string" }, line: { type: "integer" }, reason: { type: "string" } } } } },
                },
              ],
            }),
          },
          ...errorResponses,
        },
      },
    },
    "/api/config/membership": {
      get: {
        summary: "Membership changes waiting for review (CONFIGUREBSMCOMPONENTS): hosts components' rules gained (Detected) or lost (Removed), for the components the caller may change",
        responses: { "200": { description: "The changes, by component and host", ...json({ type: "object", properties: { list: { type: "array", items: ref("MembershipChange") } } }) }, ...errorResponses },
      },
    },
    "/api/config/membership/apply": {
      post: {
        summary: "Apply one membership change ({changeId}) or all the caller may act on ({all: true}); idempotent",
        description: "A change no longer found by the rule is dropped. Removals that would leave fewer hosts than required online are refused: 409 for one change; with all, listed in refused.",
        requestBody: { required: true, ...json(ref("MembershipChangeSelection")) },
        responses: { "200": { description: "What was applied", ...json(ref("MembershipApplied")) }, ...errorResponses },
      },
    },
    "/api/config/membership/dismiss": {
      post: {
        summary: "Dismiss one membership change ({changeId}) or all the caller may act on ({all: true}) without applying it; idempotent",
        requestBody: { required: true, ...json(ref("MembershipChangeSelection")) },
        responses: { "200": { description: "How many were dismissed", ...json({ type: "object", properties: { dismissed: count } }) }, ...errorResponses },
      },
    },
    "/api/actions": {
      get: {
        summary: "The caller's acknowledgements and downtimes (an administrator's: everyone's), newest first, with their status",
        parameters: [
          { name: "ids", in: "query", description: "Only these actions, comma-separated ids", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { "200": { description: "The actions", ...json({ type: "object", required: ["list"], properties: { list: { type: "array", items: ref("SourceAction") } } }) }, ...errorResponses },
      },
    },
    "/api/actions/capabilities": {
      get: {
        summary: "Whether the caller may acknowledge and schedule downtime (ACTIONBSM) and whether the monitoring source accepts commands, with the reason when not",
        responses: { "200": { description: "What the caller may do", ...json(ref("SourceActionCapabilities")) }, ...errorResponses },
      },
    },
    "/api/actions/acknowledge": {
      post: {
        summary: "Acknowledge the failing checks of hosts (target without check) or single checks, through the monitoring source",
        description: sourceActionDescription,
        requestBody: { required: true, ...json(ref("AcknowledgeInput")) },
        responses: sourceActionResponses,
      },
    },
    "/api/actions/remove-acknowledgement": {
      post: {
        summary: "Remove the acknowledgement of hosts' checks or single checks, through the monitoring source",
        description: sourceActionDescription,
        requestBody: { required: true, ...json(ref("RemoveInput")) },
        responses: sourceActionResponses,
      },
    },
    "/api/actions/downtime": {
      post: {
        summary: "Schedule downtime for hosts (and all their checks) or single checks, through the monitoring source",
        description: sourceActionDescription,
        requestBody: { required: true, ...json(ref("DowntimeInput")) },
        responses: sourceActionResponses,
      },
    },
    "/api/actions/remove-downtime": {
      post: {
        summary: "Remove the downtime of hosts' checks or single checks, through the monitoring source",
        description: sourceActionDescription,
        requestBody: { required: true, ...json(ref("RemoveInput")) },
        responses: sourceActionResponses,
      },
    },
    "/api/config/import/opsview": {
      post: {
        summary: "Import Opsview's BSM components and business services (its REST configuration resources, or a file of them) as a configuration document; a preview unless dryRun=false",
        description:
          "The body names an Opsview server (`server`: baseUrl, username, password, acceptSelfSigned; read with GET /rest/config/bsmcomponent and /rest/config/bsmservice, the URL checked against the outbound policy) or carries `file`: `{\"bsmservice\": {\"list\": [...]}, \"bsmcomponent\": {\"list\": [...]}}` as Opsview answers them (or the bare lists). quorum_pct becomes required online: the least number of hosts whose share reaches it (66.67 % of 3 is 2). What cannot be mapped is a problem at its path in the Opsview input (`bsmcomponent[2].quorum_pct`), with the plan's; any problem refuses the apply with 400. A refused login or an unreachable server is 400 on `server`, never with the password. Access as /api/config/import.",
        parameters: [
          { name: "dryRun", in: "query", description: "true (the default): only plan; false: apply", schema: { type: "boolean", default: true } },
          { name: "prune", in: "query", description: "true: delete the components and services the caller may change that Opsview's configuration leaves out", schema: { type: "boolean", default: false } },
        ],
        requestBody: {
          required: true,
          ...json({
            oneOf: [
              {
                type: "object",
                required: ["server"],
                additionalProperties: false,
                properties: {
                  server: {
                    type: "object",
                    required: ["baseUrl", "username", "password"],
                    properties: { baseUrl: { type: "string", format: "uri" }, username: { type: "string" }, password: { type: "string", format: "password" }, acceptSelfSigned: { type: "boolean", default: false } },
                  },
                },
              },
              { type: "object", required: ["file"], additionalProperties: false, properties: { file: { type: "object", properties: { bsmservice: {}, bsmcomponent: {} } } } },
            ],
          }),
        },
        responses: { "200": { description: "Applied, or planned (dryRun)", ...json(ref("ConfigImportResult")) }, ...errorResponses },
      },
    },
    "/api/search": {
      get: {
        summary: "Business services, components, hosts and service checks the caller may see whose name holds q, best matches first",
        description:
          "Case-insensitive. Within each kind, names that start with q come first, then names with a word that starts with q, then names holding it anywhere; shorter names first within each. Hosts and checks follow the host rule (hosts seen bottom up only; checks of hosts the caller may see).",
        parameters: [
          { name: "q", in: "query", required: true, description: "What to search for (1 to 100 characters after trimming)", schema: { type: "string", minLength: 1, maxLength: 100 } },
          { name: "limit", in: "query", description: "At most this many results of each kind", schema: { type: "integer", minimum: 1, maximum: 20, default: 5 } },
        ],
        responses: { "200": { description: "What was found, by kind", ...json(ref("SearchResults")) }, ...errorResponses },
      },
    },
    "/api/tokens": {
      get: {
        summary: "The caller's own API tokens (never the tokens themselves)",
        responses: { "200": { description: "Tokens", ...json({ type: "object", properties: { list: { type: "array", items: ref("ApiToken") } } }) }, ...errorResponses },
      },
      post: {
        summary: "Create one of the caller's own API tokens; the answer is the only place the token appears",
        description:
          "A read-only or metrics token cannot create tokens (403). A token created with a token expires no later than the creating token (400 otherwise); without `expiresAt` it inherits that expiry.",
        requestBody: { required: true, ...json(ref("ApiTokenInput")) },
        responses: { "201": { description: "Created", ...json(ref("CreatedApiToken")) }, ...errorResponses },
      },
    },
    "/api/tokens/{id}": {
      delete: { summary: "Revoke one of the caller's own API tokens (404 for any other)", parameters: [idParameter], responses: { "204": { description: "Revoked" }, ...errorResponses } },
    },
    "/api/whatif/evaluate": {
      post: {
        summary: "What if: the estate after some hosts or checks fail, go into downtime or recover (nothing is written)",
        description:
          "The same status engine evaluates the current checks and a copy changed as asked (docs/what-if.md). A host without `check` changes every check of the host and fails (or downs, or recovers) it in every component that holds it. Changes apply in order; a later change of the same check wins. Only hosts the caller may see can be named: another is refused exactly like an unknown one (400 on `changes.N.host`). The answer lists the visible business services and components whose status changes, with before and after; the rest is counted. Read-only tokens may call it.",
        requestBody: { required: true, ...json({ type: "object", required: ["changes"], properties: { changes: ref("WhatIfChanges") } }) },
        responses: { "200": { description: "Before and after", ...json(ref("WhatIfResult")) }, ...errorResponses },
      },
    },
    "/api/whatif/scenarios": {
      get: {
        summary: "The caller's own saved what-if scenarios (others' are opened by their id)",
        responses: { "200": { description: "Scenarios, last changed first", ...json({ type: "object", properties: { list: { type: "array", items: ref("WhatIfScenario") } } }) }, ...errorResponses },
      },
      post: {
        summary: "Save a what-if scenario of the caller's",
        description: "Its changes are checked as for an evaluation (400 for unknown or hidden hosts and checks). At most 100 scenarios per user. The answer holds its evaluation.",
        requestBody: { required: true, ...json({ type: "object", required: ["name", "changes"], properties: { name: { type: "string", minLength: 1, maxLength: 120 }, changes: ref("WhatIfChanges") } }) },
        responses: { "201": { description: "Saved", ...json({ type: "object", properties: { scenario: ref("WhatIfScenario"), result: ref("WhatIfResult") } }) }, ...errorResponses },
      },
    },
    "/api/whatif/scenarios/{id}": {
      get: {
        summary: "A saved scenario, re-evaluated against the live state",
        description:
          "Anyone who may see every host it names (that is still in a component) may open it; for others it does not exist (404). Changes whose host or check is gone are left out and listed in `result.skipped`.",
        parameters: [idParameter],
        responses: { "200": { description: "The scenario and its evaluation now", ...json({ type: "object", properties: { scenario: ref("WhatIfScenario"), result: ref("WhatIfResult") } }) }, ...errorResponses },
      },
      patch: {
        summary: "Rename a scenario or replace its changes (its owner only; others who may see it get 403)",
        parameters: [idParameter],
        requestBody: { required: true, ...json({ type: "object", properties: { name: { type: "string", minLength: 1, maxLength: 120 }, changes: ref("WhatIfChanges") } }) },
        responses: { "200": { description: "Changed", ...json(ref("WhatIfScenario")) }, ...errorResponses },
      },
      delete: { summary: "Delete a scenario (its owner only)", parameters: [idParameter], responses: { "204": { description: "Deleted" }, ...errorResponses } },
    },
    "/api/sla/report": {
      get: {
        summary: "SLA report: every business service the caller may see, for a calendar month or quarter",
        description:
          "Per service: its SLA target (null without one), availability achieved in the period (up to now), error budget and budget used, the projected end-of-period result (the rest of the period assumed OPERATIONAL), number of outages, the longest outage and the mean time to recover (docs/sla.md). The period is the calendar month or quarter in `zone` for every service. `format=csv` or `Accept: text/csv` answers the same rows as CSV.",
        parameters: [
          { name: "period", in: "query", schema: { type: "string", enum: ["month", "quarter"], default: "month" } },
          { name: "offset", in: "query", description: "0: the current period, -1: the one before", schema: { type: "integer", enum: [0, -1], default: 0 } },
          { name: "zone", in: "query", description: "IANA time zone of the calendar", schema: { type: "string", default: "UTC" } },
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"], default: "json" } },
        ],
        responses: { "200": { description: "The report", content: { "application/json": { schema: ref("SlaReport") }, "text/csv": { schema: { type: "string" } } } }, ...errorResponses },
      },
    },
    "/api/sla/business-services/{id}": objectSlaPath("business service"),
    "/api/sla/components/{id}": objectSlaPath("component"),
    "/api/sla/excluded-periods": {
      get: {
        summary: "One object's excluded periods (left out of its availability and SLA figures), newest first",
        parameters: [
          { name: "objectType", in: "query", required: true, schema: { type: "string", enum: ["BUSINESS_SERVICE", "COMPONENT"] } },
          { name: "objectId", in: "query", required: true, schema: { type: "integer" } },
        ],
        responses: { "200": { description: "The list", ...json({ type: "object", properties: { list: { type: "array", items: ref("ExcludedPeriod") } } }) }, ...errorResponses },
      },
      post: {
        summary: "Exclude a period of a business service or component from its figures (CONFIGUREBSM; audited)",
        description: "Needs CONFIGUREBSM and, for a business service, the right to edit it. `to` after `from`, at most 400 days; a reason of 1 to 500 characters. A read-only API token answers 403.",
        requestBody: {
          required: true,
          ...json({
            type: "object",
            required: ["objectType", "objectId", "from", "to", "reason"],
            properties: {
              objectType: { type: "string", enum: ["BUSINESS_SERVICE", "COMPONENT"] },
              objectId: { type: "integer" },
              from: { type: ["string", "integer"], description: "ISO 8601 time with offset, or epoch milliseconds" },
              to: { type: ["string", "integer"], description: "ISO 8601 time with offset, or epoch milliseconds" },
              reason: { type: "string", minLength: 1, maxLength: 500 },
            },
          }),
        },
        responses: { "201": { description: "Created", ...json(ref("ExcludedPeriod")) }, ...errorResponses },
      },
    },
    "/api/sla/excluded-periods/{id}": {
      delete: { summary: "Delete an excluded period (CONFIGUREBSM; audited)", parameters: [idParameter], responses: { "204": { description: "Deleted" }, ...errorResponses } },
    },
    "/api/events": {
      get: {
        summary: "Server-sent events: status changes of the objects the caller may see, poll results, and `stale` / `fresh` when the data stops or starts being current",
        description:
          "`poll` (`{ at, ok, staleSince, message, phases }`) follows every poll cycle: `phases` (`{ readMs, evaluateMs, storeMs }`, whole ms) says where a successful cycle spent its time; `message`, the source's error, is for administrators only. " +
          "`stale` (`{ reason: \"source\" | \"database\", since, message }`) is sent when the monitoring source stops answering or the application database cannot be reached, and on connecting while it is so; `fresh` when it recovers. " +
          "`heartbeat` (`{ at }`) comes every 5 s, so a client can tell a quiet stream from a lost one.",
        responses: { "200": { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } }, "401": errorResponses["401"], "403": errorResponses["403"] },
      },
    },
    "/metrics": {
      get: {
        summary: "Prometheus metrics (text exposition format): business service, component and poller figures, request durations, process metrics",
        description:
          "Read from what the poller stored, so any instance answers the same. Allowed with a `metrics` API token (or a full or read-only token, or a session, of a user who sees the whole estate: an administrator, or VIEWALL with all business services), " +
          "from an address in `BSM_METRICS_ALLOW`, or by anyone when an administrator allows anonymous metrics on Settings. Otherwise 401 without credentials, 403 with credentials that may not read them (plain text).",
        security: [{ bearerToken: [] }, {}],
        responses: {
          "200": { description: "The metrics", content: { "text/plain; version=0.0.4; charset=utf-8": { schema: { type: "string" } } } },
          "401": { description: "No credentials (and not allowed anonymously or from this address)", content: { "text/plain": { schema: { type: "string" } } } },
          "403": { description: "The credentials may not read the metrics", content: { "text/plain": { schema: { type: "string" } } } },
        },
      },
    },
    "/api/openapi.json": {
      get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1", ...json({ type: "object" }) } } },
    },
    "/api/health": {
      get: {
        summary: "Liveness: the process answers",
        description: "For liveness probes. Needs no session and touches no database, so a database outage never gets a working web server restarted. Never cached.",
        security: [],
        responses: {
          "200": {
            description: "The process answers",
            ...json({ type: "object", required: ["ok"], properties: { ok: { const: true }, uptimeSeconds: { type: "integer", minimum: 0 } } }),
          },
        },
      },
    },
    "/api/ready": {
      get: {
        summary: "Readiness: whether this instance should receive traffic",
        description:
          "For readiness probes and load balancers. Needs no session; a few small queries, each bounded by 2 s. Ready when the database answers, every migration this version ships is applied, " +
          "and a poller holds the election somewhere (any instance) with a successful poll cycle no older than the threshold (`BSM_READY_MAX_STALENESS_SECONDS`, default three poll intervals, at least 60 s). Never cached.",
        security: [],
        responses: {
          "200": { description: "Ready", ...json(ref("Readiness")) },
          "503": { description: "Not ready: the failing checks say why", ...json(ref("Readiness")) },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (bsm_…)" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    schemas: {
      SlaTarget: {
        type: "object",
        properties: {
          objectType: { type: "string", enum: ["BUSINESS_SERVICE", "COMPONENT"] },
          objectKey: { type: "string" },
          targetPercent: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 100 },
          period: { type: "string", enum: ["MONTH", "QUARTER"] },
          countDowntime: { type: "boolean", description: "False (default): DOWNTIME is left out of the counted time" },
          timeZone: { type: "string" },
        },
      },
      ObjectSla: {
        type: "object",
        properties: {
          objectType: { type: "string", enum: ["BUSINESS_SERVICE", "COMPONENT"] },
          objectId: { type: "integer" },
          target: { oneOf: [ref("SlaTarget"), { type: "null" }] },
          sla: {
            type: ["object", "null"],
            properties: {
              from: { type: "string", format: "date-time" },
              to: { type: "string", format: "date-time" },
              achieved: percent,
              budgetMs: count,
              usedMs: count,
              usedPercent: { type: "number", minimum: 0 },
              projected: percent,
              met: { type: "boolean" },
              projectedMet: { type: "boolean" },
              excludedMs: count,
              downtimeMs: count,
              failedMs: count,
              outages: { type: "object", properties: { count, longestMs: count, mttrMs: { type: ["integer", "null"] } } },
            },
          },
        },
      },
      SlaReport: {
        type: "object",
        properties: {
          period: { type: "string", enum: ["month", "quarter"] },
          offset: { type: "integer" },
          timeZone: { type: "string" },
          from: { type: "string", format: "date-time" },
          to: { type: "string", format: "date-time" },
          rows: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                name: { type: "string" },
                targetPercent: { type: ["number", "null"] },
                countDowntime: { type: "boolean" },
                achieved: percent,
                budgetMs: { type: ["integer", "null"] },
                usedMs: count,
                usedPercent: { type: ["number", "null"] },
                projected: { type: ["number", "null"] },
                met: { type: ["boolean", "null"] },
                outages: count,
                longestOutageMs: count,
                mttrMs: { type: ["integer", "null"] },
                excludedMs: { ...count, description: "Time inside the service's excluded periods" },
              },
            },
          },
        },
      },
      ExcludedPeriod: {
        type: "object",
        properties: {
          id: { type: "integer" },
          objectType: { type: "string", enum: ["BUSINESS_SERVICE", "COMPONENT"] },
          objectId: { type: "integer" },
          from: { type: "string", format: "date-time" },
          to: { type: "string", format: "date-time" },
          reason: { type: "string" },
          createdBy: { type: ["string", "null"] },
          createdAt: { type: "string", format: "date-time" },
          canDelete: { type: "boolean" },
        },
      },
      Readiness: {
        type: "object",
        required: ["ready", "checks"],
        properties: {
          ready: { type: "boolean" },
          checks: {
            type: "object",
            required: ["database", "migrations", "poller"],
            properties: {
              database: { type: "object", required: ["ok", "detail"], properties: { ok: { type: "boolean" }, detail: { type: "string" } } },
              migrations: {
                type: "object",
                required: ["ok", "pending", "detail"],
                properties: {
                  ok: { type: "boolean" },
                  pending: { type: "array", items: { type: "string" }, description: "Migrations this version ships that the database has not applied" },
                  detail: { type: "string" },
                },
              },
              poller: {
                type: "object",
                required: ["ok", "leader", "lastSuccessAt", "ageSeconds", "thresholdSeconds", "detail"],
                properties: {
                  ok: { type: "boolean" },
                  leader: {
                    description: "Who holds the poller election: a PostgreSQL session holding the advisory lock, or this process (embedded database); null: nobody",
                    oneOf: [
                      { type: "null" },
                      { type: "object", required: ["via", "backendPid"], properties: { via: { const: "advisory-lock" }, backendPid: { type: "integer" } } },
                      { type: "object", required: ["via"], properties: { via: { const: "this-process" } } },
                    ],
                  },
                  lastSuccessAt: { type: ["string", "null"], format: "date-time" },
                  ageSeconds: { type: ["integer", "null"], minimum: 0 },
                  thresholdSeconds: { type: "integer", minimum: 1 },
                  detail: { type: "string" },
                },
              },
            },
          },
        },
      },
      SourceActionTarget: {
        type: "object",
        required: ["host"],
        properties: { host: { type: "string" }, check: { type: "string", description: "Left out: the host (acknowledge: its failing checks; downtime: the host and all its checks)" } },
        additionalProperties: false,
      },
      AcknowledgeInput: {
        type: "object",
        required: ["targets", "comment"],
        properties: {
          targets: { type: "array", minItems: 1, maxItems: 200, items: ref("SourceActionTarget") },
          comment: { type: "string", minLength: 1, maxLength: 1000 },
          sticky: { type: "boolean", default: false, description: "Keep the acknowledgement through state changes until the check recovers" },
          expiresAt: { type: ["integer", "null"], description: "When the acknowledgement expires (epoch milliseconds, in the future, within a year); null: never" },
        },
      },
      DowntimeInput: {
        type: "object",
        required: ["targets", "comment", "startAt", "endAt"],
        properties: {
          targets: { type: "array", minItems: 1, maxItems: 200, items: ref("SourceActionTarget") },
          comment: { type: "string", minLength: 1, maxLength: 1000 },
          startAt: { type: "integer", description: "Epoch milliseconds" },
          endAt: { type: "integer", description: "Epoch milliseconds, after startAt and now; at most a year after startAt" },
        },
      },
      RemoveInput: {
        type: "object",
        required: ["targets"],
        properties: { targets: { type: "array", minItems: 1, maxItems: 200, items: ref("SourceActionTarget") } },
      },
      SourceAction: {
        type: "object",
        required: ["id", "kind", "targets", "comment", "sticky", "expiresAt", "startAt", "endAt", "status", "message", "createdAt", "updatedAt", "userName"],
        properties: {
          id: { type: "integer" },
          kind: { type: "string", enum: ["acknowledge", "remove-acknowledgement", "downtime", "remove-downtime"] },
          targets: { type: "array", items: ref("SourceActionTarget") },
          comment: { type: "string" },
          sticky: { type: ["boolean", "null"] },
          expiresAt: { type: ["integer", "null"], description: "Epoch milliseconds" },
          startAt: { type: ["integer", "null"], description: "Epoch milliseconds" },
          endAt: { type: ["integer", "null"], description: "Epoch milliseconds" },
          status: { type: "string", enum: ["pending", "sent", "confirmed", "failed"] },
          message: { type: ["string", "null"], description: "The source's answer, or why the action failed (never a password)" },
          createdAt: { type: "integer", description: "Epoch milliseconds" },
          updatedAt: { type: "integer", description: "Epoch milliseconds" },
          userName: { type: "string" },
        },
      },
      SourceActionCapabilities: {
        type: "object",
        required: ["canAct", "sourceAccepts", "userMayAct", "reason"],
        properties: { canAct: { type: "boolean" }, sourceAccepts: { type: "boolean" }, userMayAct: { type: "boolean" }, reason: { type: ["string", "null"] } },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: { error: { type: "string" }, fieldErrors: { type: "object", additionalProperties: { type: "string" } } },
      },
      Created: { type: "object", required: ["id"], properties: { id: { type: "integer" } } },
      ApiToken: {
        type: "object",
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          prefix: { type: "string", description: "The token's first characters" },
          scope: { type: "string", enum: ["full", "read-only", "metrics"] },
          createdAt: { type: "string", format: "date-time" },
          lastUsedAt: { type: ["string", "null"], format: "date-time" },
          expiresAt: { type: ["string", "null"], format: "date-time", description: "null: never expires" },
          expired: { type: "boolean" },
        },
      },
      ApiTokenInput: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", maxLength: 100 },
          scope: { type: "string", enum: ["full", "read-only", "metrics"], default: "full", description: "read-only: GET only; anything else answers 403. metrics: only GET /metrics; every /api/ request answers 403" },
          expiresAt: { type: ["string", "null"], description: "A date-time, or a date (the end of that day, UTC); in the future. Omitted: never (or the creating token's expiry)" },
        },
      },
      CreatedApiToken: {
        allOf: [ref("ApiToken"), { type: "object", required: ["token"], properties: { token: { type: "string", description: "Send as Authorization: Bearer <token>; shown only here" } } }],
      },
      BsmService: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          status: { type: "string", enum: [...SERVICE_STATES] },
          availability: percent,
          acknowledged: flag,
          impacted: flag,
          status_since: statusSince,
          components_total: count,
          components_failed: count,
          components_acknowledged: count,
          components_impacted: count,
          components_downtime: count,
        },
      },
      BsmComponent: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          status: { type: "string", enum: [...HOST_STATES] },
          availability: percent,
          acknowledged: flag,
          impacted: flag,
          status_since: statusSince,
          hosts_total: count,
          hosts_failed: count,
          hosts_acknowledged: count,
          hosts_downtime: count,
          hosts_required_online: count,
          operational_zone_percent: percent,
          resiliency: { ...count, description: "How many more hosts may fail before the component fails" },
          htname: { type: "string", description: "Host template name" },
          htid: { type: "string", description: "Host template id" },
        },
      },
      BsmHost: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          status: { type: "string", enum: [...HOST_STATES] },
          availability: percent,
          acknowledged: flag,
          services_total: count,
          services_critical: count,
          services_downtime: count,
          services_acknowledged: count,
        },
      },
      SearchHit: {
        type: "object",
        required: ["kind", "key", "name", "state", "detail", "href"],
        properties: {
          kind: { type: "string", enum: ["service", "component", "host", "check"] },
          key: { type: "string", description: "Unique within its kind" },
          name: { type: "string" },
          state: {
            type: "string",
            description: "A business service's or component's state; a check's state; a host's worst check state (\"No checks\" when it has none)",
          },
          detail: { type: ["string", "null"], description: "A check's host, a host's checks not OK, acknowledged / impacted / in downtime" },
          href: { type: "string", description: "The page that shows it" },
        },
      },
      SearchResults: {
        type: "object",
        required: ["query", "service", "component", "host", "check"],
        properties: {
          query: { type: "string", description: "q as searched (trimmed)" },
          service: { type: "array", items: ref("SearchHit") },
          component: { type: "array", items: ref("SearchHit") },
          host: { type: "array", items: ref("SearchHit") },
          check: { type: "array", items: ref("SearchHit") },
        },
      },
      ComponentInput: {
        type: "object",
        description:
          "The template by id (hostTemplateId) or by name (hostTemplate), and the hosts by id (hostIds) or by name (hosts): exactly one of each pair, unless the component has a membership rule (ruleHostGroup, ruleNamePattern), which chooses the hosts: then leave both out. An unknown name (or one the caller may not choose) answers 400 naming it.",
        required: ["name", "requiredOnline"],
        properties: {
          name: { type: "string", maxLength: 100 },
          hostTemplateId: { type: "integer" },
          hostTemplate: { type: "string", description: "The host template's name, instead of hostTemplateId" },
          hostIds: { type: "array", items: { type: "integer" }, description: "In order; only hosts using the template that the caller may see" },
          hosts: { type: "array", items: { type: "string" }, description: "Host names, in order, instead of hostIds" },
          requiredOnline: { type: "integer", minimum: 0, description: "At most the number of hosts" },
          notes: { ...notesField, description: `${notesField.description}. Left out: "" on create, unchanged on update` },
          ruleHostGroup: { type: ["string", "null"], maxLength: 200, description: "Membership rule: the hosts using the template in this host group. Empty or null: no such condition. Left out with ruleNamePattern: no rule on create, unchanged on update" },
          ruleNamePattern: { type: ["string", "null"], maxLength: 200, description: "Membership rule: the hosts using the template whose name matches this glob (* any characters, ? one). Both rule fields set: both must hold" },
        },
      },
      MembershipChange: {
        type: "object",
        properties: {
          id: { type: "integer" },
          component: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } },
          host: { type: "string" },
          status: { type: "string", enum: ["Detected", "Removed"] },
          detectedAt: { type: "string", format: "date-time" },
          error: { type: ["string", "null"], description: "Why applying it is refused now (it would leave fewer hosts than required online)" },
        },
      },
      MembershipChangeSelection: {
        type: "object",
        description: "Exactly one of changeId and all",
        properties: { changeId: { type: "integer", minimum: 1 }, all: { type: "boolean", enum: [true] } },
      },
      MembershipApplied: {
        type: "object",
        properties: {
          added: { type: "array", items: { type: "object", properties: { component: { type: "string" }, host: { type: "string" } } } },
          removed: { type: "array", items: { type: "object", properties: { component: { type: "string" }, host: { type: "string" } } } },
          refused: { type: "array", items: { type: "object", properties: { component: { type: "string" }, host: { type: "string" }, error: { type: "string" } } } },
        },
      },
      HostConfig: {
        type: "object",
        required: ["id", "name", "hostTemplates", "hostGroups", "serviceGroups"],
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          hostTemplates: { type: "array", items: idAndName, description: "Primary template first" },
          hostGroups: { type: "array", items: { type: "string" } },
          serviceGroups: { type: "array", items: { type: "string" }, description: "The service groups of the host's checks" },
        },
      },
      ConnectivityInterface: {
        type: "object",
        required: ["id", "element", "direction", "name", "peer"],
        properties: {
          id: { type: "string", description: "<element>><peer>" },
          element: elementKey,
          direction: { type: "string", enum: ["INPUT", "OUTPUT"] },
          name: { type: "string", description: "The name of the object it leads to" },
          peer: elementKey,
        },
      },
      Connection: {
        type: "object",
        required: ["id", "from", "fromName", "to", "toName", "state"],
        properties: {
          id: { type: "string", description: "The id of the interface that carries it" },
          from: elementKey,
          fromName: { type: "string" },
          to: elementKey,
          toName: { type: "string" },
          state: { type: ["string", "null"], enum: ["OPERATIONAL", "FAILED", "DOWNTIME", null], description: "The state of the object it comes from; null before the first evaluation" },
        },
      },
      HostTemplateConfig: {
        type: "object",
        required: ["id", "name", "hostsCount"],
        properties: { id: { type: "integer" }, name: { type: "string" }, hostsCount: { ...count, description: "Monitored hosts using it" } },
      },
      ComponentConfig: {
        type: "object",
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          hostTemplate: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } },
          notes: { type: "string" },
          hostsVisible: { type: "boolean", description: "false: the caller sees the component only through a business service; hosts is then empty" },
          hosts: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } } },
          requiredOnline: count,
          hostsCount: count,
          operationalZonePercent: percent,
          rule: {
            type: ["object", "null"],
            description: "The membership rule; null when the hosts are a fixed list",
            properties: { hostGroup: { type: ["string", "null"] }, namePattern: { type: ["string", "null"] } },
          },
          pendingMembershipChanges: { ...count, description: "Hosts the rule gained or lost that wait for review (Configure → Membership review)" },
          editRefusal: { type: ["string", "null"], description: "Why the caller may not change it (PUT answers 403); null when they may" },
          deleteRefusal: { type: ["string", "null"], description: "Why the caller may not delete it (DELETE answers 403); null when they may" },
          usedBy: { type: "array", description: "The business services using it (that the caller may see): deleting it removes it from them", items: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } } },
        },
      },
      ConfigDocument: {
        type: "object",
        required: ["version"],
        additionalProperties: false,
        properties: {
          version: { type: "integer", enum: [1] },
          components: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "hostTemplate", "hosts", "requiredOnline"],
              additionalProperties: false,
              properties: {
                name: { type: "string", maxLength: 100 },
                hostTemplate: { type: "string", description: "A host template's name" },
                hosts: { type: "array", minItems: 1, items: { type: "string" }, description: "Host names, in order" },
                requiredOnline: { type: "integer", minimum: 0, description: "At most the number of hosts" },
                notes: { type: "string", maxLength: 2000, description: "Plain text; left out, the stored notes stay" },
                rule: {
                  type: ["object", "null"],
                  additionalProperties: false,
                  description: "The membership rule (hostGroup, namePattern: at least one). Left out, the stored rule stays; null, the hosts are a fixed list. hosts are still listed: what the component has now",
                  properties: { hostGroup: { type: "string", maxLength: 200 }, namePattern: { type: "string", maxLength: 200, description: "Glob: * any characters, ? one" } },
                },
              },
            },
          },
          businessServices: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "components"],
              additionalProperties: false,
              properties: {
                name: { type: "string", maxLength: 100 },
                components: { type: "array", items: { type: "string" }, description: "Component names, in order" },
                notes: { type: "string", maxLength: 2000, description: "Plain text; left out, the stored notes stay" },
              },
            },
          },
        },
      },
      ConfigImportResult: {
        type: "object",
        required: ["applied", "plan"],
        properties: {
          applied: { type: "boolean" },
          plan: {
            type: "object",
            properties: {
              components: { type: "array", items: { type: "object", required: ["name", "action"], properties: { name: { type: "string" }, action: { type: "string", enum: ["create", "update", "unchanged", "delete", "kept"] } } } },
              businessServices: { type: "array", items: { type: "object", required: ["name", "action"], properties: { name: { type: "string" }, action: { type: "string", enum: ["create", "update", "unchanged", "delete", "kept"] } } } },
              problems: { type: "array", items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } } },
            },
          },
        },
      },
      BusinessServiceInput: {
        type: "object",
        description: "Components by id (componentIds) or by name (components): exactly one. An unknown name (or one the caller may not choose) answers 400 naming it.",
        required: ["name"],
        properties: {
          name: { type: "string", maxLength: 100 },
          componentIds: { type: "array", items: { type: "integer" }, description: "In order" },
          components: { type: "array", items: { type: "string" }, description: "Component names, in order, instead of componentIds" },
          notes: { ...notesField, description: `${notesField.description}. Left out: "" on create, unchanged on update` },
        },
      },
      BusinessServiceConfig: {
        type: "object",
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          notes: { type: "string" },
          canEdit: { type: "boolean" },
          components: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                name: { type: "string" },
                visible: { type: "boolean" },
                hostsCount: { type: ["integer", "null"], description: "null: Unavailable to the caller" },
                operationalZonePercent: { type: ["number", "null"], description: "null: Unavailable to the caller" },
              },
            },
          },
        },
      },
      WhatIfChanges: {
        type: "array",
        minItems: 1,
        maxItems: 200,
        items: {
          type: "object",
          required: ["host", "to"],
          additionalProperties: false,
          properties: {
            host: { type: "string" },
            check: { type: "string", description: "One check of the host; left out: the whole host" },
            to: { type: "string", enum: ["failed", "downtime", "recovered"], description: "failed: CRITICAL, not acknowledged; downtime: CRITICAL in downtime; recovered: OK, flags cleared" },
          },
        },
      },
      WhatIfScenario: {
        type: "object",
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          owner: { type: "object", properties: { name: { type: "string" } } },
          mine: { type: "boolean", description: "Whether the caller owns it" },
          changes: ref("WhatIfChanges"),
          createdAt: { type: "string", format: "date-time" },
          updatedAt: { type: "string", format: "date-time" },
          path: { type: "string", description: "The page showing it, to share" },
        },
      },
      WhatIfResult: {
        type: "object",
        properties: {
          changes: ref("WhatIfChanges"),
          skipped: { type: "array", items: { type: "object", properties: { index: count, change: { type: "object" }, reason: { type: "string" } } } },
          businessServices: {
            type: "array",
            description: "Visible services whose state, acknowledged or impacted flag changes: OFFLINE first",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                name: { type: "string" },
                before: whatIfFlags(SERVICE_STATES),
                after: whatIfFlags(SERVICE_STATES),
                goesOffline: { type: "boolean" },
                goesIntoDowntime: { type: "boolean" },
                becomesImpacted: { type: "boolean" },
                recovers: { type: "boolean" },
              },
            },
          },
          components: {
            type: "array",
            description: "Visible components whose status or whose hosts' statuses change: FAILED first",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                name: { type: "string" },
                before: whatIfFlags(HOST_STATES),
                after: whatIfFlags(HOST_STATES),
                requiredOnline: count,
                hostsTotal: count,
                hostsOperationalBefore: count,
                hostsOperationalAfter: count,
                losesZone: { type: "boolean", description: "OPERATIONAL before, fewer than requiredOnline hosts OPERATIONAL after" },
                regainsZone: { type: "boolean" },
                hosts: { type: "array", items: { type: "object", properties: { host: { type: "string" }, before: whatIfFlags(HOST_STATES), after: whatIfFlags(HOST_STATES) } } },
              },
            },
          },
          unchanged: { type: "object", properties: { businessServices: count, components: count } },
          counts: {
            type: "object",
            properties: { servicesOffline: count, servicesDowntime: count, servicesImpacted: count, servicesRecovering: count, componentsLosingZone: count, componentsRegainingZone: count },
          },
        },
      },
    },
  },
} as const;
