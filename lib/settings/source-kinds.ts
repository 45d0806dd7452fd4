// What the Database Settings form shows for each monitoring source kind. Plain data (no server
// imports) so the form can render it; the schemas that validate the values are in source-schemas.ts.

export type SourceFieldType = "text" | "number" | "password" | "checkbox" | "select";

export interface SourceField {
  /** Dotted path into the source's settings, e.g. "main.host"; also the key of its field error. */
  path: string;
  label: string;
  type: SourceFieldType;
  /** A blank value means "use the default" (the source's schema fills it in). */
  blankIsDefault?: boolean;
  placeholder?: string;
  help?: string;
  /** The choices of a "select" field. */
  options?: readonly { value: string; label: string }[];
  /** Shown only while another field has this value (the others keep their values but do not apply). */
  shownWhen?: { path: string; equals: string };
}

export interface SourceFieldGroup {
  title: string;
  /** Settings path of an object the user may switch off (sent as null), such as the backup database. */
  optional?: { path: string; label: string };
  fields: SourceField[];
  /** Which connection "Test connection" checks for this group, if it has the button. */
  testTarget?: ConnectionTarget;
}

export type ConnectionTarget = "main" | "backup" | "endpoint";

export interface SourceKindSpec {
  label: string;
  groups: SourceFieldGroup[];
  /** Settings paths of secrets: encrypted at rest and never sent to the browser. */
  secretFields: readonly string[];
}

function idoDatabaseFields(prefix: string): SourceField[] {
  return [
    { path: `${prefix}.host`, label: "Host", type: "text", placeholder: "icinga-db.example.com" },
    { path: `${prefix}.port`, label: "Port", type: "number", blankIsDefault: true, placeholder: "3306" },
    { path: `${prefix}.database`, label: "IDO database", type: "text", blankIsDefault: true, placeholder: "icinga" },
    { path: `${prefix}.user`, label: "User", type: "text" },
    { path: `${prefix}.password`, label: "Password", type: "password" },
  ];
}

function databaseFields(prefix: string): SourceField[] {
  return [
    { path: `${prefix}.host`, label: "Host", type: "text", placeholder: "db1.example.com" },
    { path: `${prefix}.port`, label: "Port", type: "number", blankIsDefault: true, placeholder: "3306" },
    { path: `${prefix}.runtimeDatabase`, label: "Runtime database", type: "text", blankIsDefault: true, placeholder: "runtime" },
    { path: `${prefix}.configDatabase`, label: "Config database", type: "text", blankIsDefault: true, placeholder: "opsview" },
    { path: `${prefix}.user`, label: "User", type: "text" },
    { path: `${prefix}.password`, label: "Password", type: "password" },
  ];
}

export const SOURCE_KINDS = {
  simulated: {
    label: "Simulated estate (demo)",
    secretFields: [],
    groups: [
      {
        title: "Simulated estate",
        fields: [
          { path: "seed", label: "Seed", type: "number", blankIsDefault: true, placeholder: "42", help: "The same seed gives the same estate and incidents." },
          { path: "hosts", label: "Hosts", type: "number", blankIsDefault: true, placeholder: "240", help: "20 to 5000" },
          { path: "businessServices", label: "Business services", type: "number", blankIsDefault: true, placeholder: "10", help: "5 to 15" },
          { path: "eventsPerHour", label: "Incidents per hour", type: "number", blankIsDefault: true, placeholder: "0.05 per host", help: "0 to 10000" },
        ],
      },
    ],
  },
  "opsview-db": {
    label: "Opsview database",
    secretFields: ["main.password", "backup.password"],
    groups: [
      { title: "Main database", fields: databaseFields("main"), testTarget: "main" },
      { title: "Backup database", optional: { path: "backup", label: "Fail over to a backup database" }, fields: databaseFields("backup"), testTarget: "backup" },
      {
        title: "Tables",
        fields: [{ path: "tablePrefix", label: "Table prefix", type: "text", blankIsDefault: true, placeholder: "nagios_" }],
      },
    ],
  },
  "opsview-rest": {
    label: "Opsview REST API",
    secretFields: ["password"],
    groups: [
      {
        title: "Opsview REST API",
        testTarget: "endpoint",
        fields: [
          { path: "baseUrl", label: "Base URL", type: "text", placeholder: "https://opsview.example.com" },
          { path: "username", label: "User", type: "text" },
          { path: "password", label: "Password", type: "password" },
          { path: "acceptSelfSigned", label: "Accept a self-signed certificate", type: "checkbox" },
        ],
      },
    ],
  },
  "icinga-api": {
    label: "Icinga 2 API",
    secretFields: ["password"],
    groups: [
      {
        title: "Icinga 2 API",
        testTarget: "endpoint",
        fields: [
          { path: "baseUrl", label: "Base URL", type: "text", placeholder: "https://icinga.example.com:5665" },
          { path: "username", label: "API user", type: "text" },
          { path: "password", label: "Password", type: "password" },
          { path: "caFile", label: "CA file", type: "text", blankIsDefault: true, placeholder: "/var/lib/icinga2/certs/ca.crt", help: "PEM file of the CA that signed the API's certificate." },
          { path: "tlsServerName", label: "Certificate name", type: "text", blankIsDefault: true, help: "The name in the API's certificate, when it differs from the URL's host." },
          { path: "acceptSelfSigned", label: "Accept any certificate (self-signed); prefer a CA file", type: "checkbox" },
        ],
      },
    ],
  },
  "icinga-ido": {
    label: "Icinga IDO database",
    secretFields: ["main.password", "backup.password"],
    groups: [
      { title: "Main database", fields: idoDatabaseFields("main"), testTarget: "main" },
      { title: "Backup database", optional: { path: "backup", label: "Fail over to a backup database" }, fields: idoDatabaseFields("backup"), testTarget: "backup" },
      {
        title: "Host templates and tables",
        fields: [
          {
            path: "hostTemplateSource",
            label: "Host templates from",
            type: "select",
            options: [
              { value: "host-group", label: "Host groups matching a pattern" },
              { value: "custom-variable", label: "A host custom variable" },
            ],
            help: "The IDO stores no host templates; host groups or a custom variable stand in for them.",
          },
          {
            path: "hostGroupPattern",
            label: "Host group pattern",
            type: "text",
            blankIsDefault: true,
            placeholder: "^(.+)$",
            help: "A regular expression; a matching host group is a template, named by the first capture group.",
            shownWhen: { path: "hostTemplateSource", equals: "host-group" },
          },
          {
            path: "customVariable",
            label: "Custom variable",
            type: "text",
            blankIsDefault: true,
            placeholder: "bsm_host_templates",
            shownWhen: { path: "hostTemplateSource", equals: "custom-variable" },
          },
          { path: "tablePrefix", label: "Table prefix", type: "text", blankIsDefault: true, placeholder: "icinga_" },
        ],
      },
    ],
  },
} as const satisfies Record<string, SourceKindSpec>;

export type SettingsSourceKind = keyof typeof SOURCE_KINDS;

export const SETTINGS_SOURCE_KINDS = Object.keys(SOURCE_KINDS) as SettingsSourceKind[];

export function isSettingsSourceKind(kind: string): kind is SettingsSourceKind {
  return Object.hasOwn(SOURCE_KINDS, kind);
}

export function sourceKindSpec(kind: SettingsSourceKind): SourceKindSpec {
  return SOURCE_KINDS[kind];
}

export const POLL_INTERVAL_LIMITS = { min: 1, max: 3600 } as const;
