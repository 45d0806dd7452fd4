import type { SourceKindDefinition } from "../source-kind";
import { parseSimulatedSourceSettings, simulatedSourceSettings, type SimulatedSourceSettings } from "./settings";
import { createSimulatedSource } from "./source";

export const simulatedSourceKind: SourceKindDefinition<SimulatedSourceSettings> = {
  label: "Simulated estate (demo)",
  form: {
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
  settingsSchema: simulatedSourceSettings,
  parseSettings: parseSimulatedSourceSettings,
  create: (settings, { now }) => createSimulatedSource({ ...settings, now }),
};
