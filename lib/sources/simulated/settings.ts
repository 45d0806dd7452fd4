import { z } from "zod";
import { parseSettings, type SettingsResult } from "../parse-settings";

export const DEFAULT_SEED = 42;
export const DEFAULT_HOSTS = 240;
export const DEFAULT_BUSINESS_SERVICES = 10;
/** Incidents per host per hour: 240 hosts give 12 an hour, which usually means 1–4 active problems. */
export const INCIDENTS_PER_HOST_HOUR = 0.05;

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);

/** Settings of the simulated source; strings are accepted so the values can come straight from the environment. */
export const simulatedSourceSettings = z.object({
  seed: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(Number.MIN_SAFE_INTEGER, "must be a whole number")
    .max(Number.MAX_SAFE_INTEGER, "must be a whole number")
    .default(DEFAULT_SEED),
  hosts: wholeNumber(20, 5000).default(DEFAULT_HOSTS),
  businessServices: wholeNumber(5, 15).default(DEFAULT_BUSINESS_SERVICES),
  /** Incidents (failures and downtimes) started per hour; unset means INCIDENTS_PER_HOST_HOUR × hosts. */
  eventsPerHour: z.coerce
    .number({ error: "must be a number" })
    .min(0, "must be between 0 and 10000")
    .max(10000, "must be between 0 and 10000")
    .optional(),
}, { error: "must be an object" });

/** What code passes in; the schema also accepts strings, for values read from the environment. */
export interface SimulatedSourceSettingsInput {
  seed?: number;
  hosts?: number;
  businessServices?: number;
  eventsPerHour?: number;
}
export type SimulatedSourceSettings = z.output<typeof simulatedSourceSettings>;

/** No settings at all means every default. */
export function parseSimulatedSourceSettings(input: unknown): SettingsResult<SimulatedSourceSettings> {
  return parseSettings(simulatedSourceSettings, input ?? {}, "simulated source settings");
}

export function eventsPerHourOf(settings: SimulatedSourceSettings): number {
  return settings.eventsPerHour ?? settings.hosts * INCIDENTS_PER_HOST_HOUR;
}
