import { z } from "zod";
import { parseSettings, type SettingsResult } from "../parse-settings";

export const opsviewRestSettingsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: "must be an http:// or https:// URL" })
    .refine((value) => {
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.username === "" && url.password === "" && url.search === "" && url.hash === "";
    }, "must not contain credentials, a query or a fragment"),
  username: z.string().trim().min(1, "is required"),
  password: z.string().min(1, "is required"),
  acceptSelfSigned: z.boolean().default(false),
});

/** What a settings form or stored configuration provides. */
export type OpsviewRestSettingsInput = z.input<typeof opsviewRestSettingsSchema>;
export type OpsviewRestSettings = z.output<typeof opsviewRestSettingsSchema>;

export function parseOpsviewRestSettings(input: unknown): SettingsResult<OpsviewRestSettings> {
  return parseSettings(opsviewRestSettingsSchema, input, "Opsview REST settings");
}

/** The base URL without a trailing slash, so paths such as "/rest/login" can be appended. */
export function restRoot(settings: Pick<OpsviewRestSettings, "baseUrl">): string {
  const url = new URL(settings.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
