import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isTimeZone } from "@/components/ui/format-time";
import { parseInput } from "../config/inputs";
import { readRows } from "../db/direct-read";

export const THEMES = ["system", "light", "dark"] as const;
/** "system" follows the browser's prefers-color-scheme. */
export type Theme = (typeof THEMES)[number];

/** How the UI looks and tells time for one user; a null time zone means the browser's. */
export interface UserPreferences {
  theme: Theme;
  timeZone: string | null;
}

export const DEFAULT_PREFERENCES: UserPreferences = { theme: "system", timeZone: null };

export const preferencesInput = z.object({
  theme: z.enum(THEMES, { message: "Choose System, Light or Dark." }),
  timeZone: z
    .string({ message: "Choose a time zone from the list." })
    .max(100, "Choose a time zone from the list.")
    .nullable()
    .transform((zone) => (zone === "" ? null : zone))
    .refine((zone) => zone === null || isTimeZone(zone), "This is not a time zone we know; choose one from the list."),
});

/** The IANA zones offered on Account: the runtime's list, with UTC (which some runtimes list only as an alias). */
export function selectableTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** The stored preferences as the UI uses them; a value stored before it was validated falls back to the default. */
export function preferencesOf(row: { theme: string; timeZone: string | null }): UserPreferences {
  return {
    theme: isTheme(row.theme) ? row.theme : DEFAULT_PREFERENCES.theme,
    timeZone: row.timeZone !== null && isTimeZone(row.timeZone) ? row.timeZone : null,
  };
}

export async function readPreferences(prisma: PrismaClient, userId: string): Promise<UserPreferences> {
  // Every page's root layout asks: straight to the driver (readRows).
  const [row] = await readRows<{ theme: string; timeZone: string | null }>(prisma, Prisma.sql`SELECT theme, "timeZone" FROM "User" WHERE id = ${userId}`);
  return row ? preferencesOf(row) : DEFAULT_PREFERENCES;
}

/** A user saves their own theme and time zone (nobody else's). */
export async function saveOwnPreferences(prisma: PrismaClient, userId: string, raw: unknown): Promise<UserPreferences> {
  const input = parseInput(preferencesInput, raw);
  await prisma.user.update({ where: { id: userId }, data: { theme: input.theme, timeZone: input.timeZone } });
  return input;
}
