import type { SourceKindDefinition } from "../source-kind";
import { opsviewRestSettingsSchema, parseOpsviewRestSettings, type OpsviewRestSettings } from "./settings";
import { createOpsviewRestSource, testOpsviewRestConnection } from "./source";

export const opsviewRestSourceKind: SourceKindDefinition<OpsviewRestSettings> = {
  label: "Opsview REST API",
  form: {
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
  settingsSchema: opsviewRestSettingsSchema,
  parseSettings: parseOpsviewRestSettings,
  create: (settings, options) => createOpsviewRestSource(settings, options),
  testConnection: (settings) => testOpsviewRestConnection(settings),
};
