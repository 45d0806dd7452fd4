import type { SourceKindDefinition } from "../source-kind";
import { icingaApiSettingsSchema, parseIcingaApiSettings, type IcingaApiSettings } from "./settings";
import { createIcingaApiSource, testIcingaApiConnection } from "./source";

export const icingaApiSourceKind: SourceKindDefinition<IcingaApiSettings> = {
  label: "Icinga 2 API",
  form: {
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
  settingsSchema: icingaApiSettingsSchema,
  parseSettings: parseIcingaApiSettings,
  create: (settings, { now, onEvent }) => createIcingaApiSource(settings, { now, onEvent }),
  testConnection: (settings) => testIcingaApiConnection(settings),
};
