import { z } from "zod";
import { parseSettings, type SettingsResult } from "../parse-settings";

export const icingaApiSettingsSchema = z.object({
  /** The API endpoint, such as https://icinga.example.com:5665. */
  baseUrl: z
    .url({ protocol: /^https$/, hostname: z.regexes.hostname, error: "must be an https:// URL (the Icinga 2 API only speaks HTTPS)" })
    .refine((value) => {
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.username === "" && url.password === "" && url.search === "" && url.hash === "";
    }, "must not contain credentials, a query or a fragment"),
  username: z.string({ error: "is required" }).trim().min(1, "is required"),
  password: z.string({ error: "is required" }).min(1, "is required"),
  /** PEM file of the CA that signed the API's certificate (Icinga's own CA: /var/lib/icinga2/certs/ca.crt). */
  caFile: z
    .string({ error: "must be a file path" })
    .trim()
    .max(4096, "is too long")
    .nullish()
    .transform((value) => (value ? value : null)),
  /** Trust any certificate. Off by default; prefer caFile. */
  acceptSelfSigned: z.boolean({ error: "must be true or false" }).default(false),
  /** The name in the API's certificate when it differs from the URL's host (Icinga certificates name the node). */
  tlsServerName: z
    .string({ error: "must be a host name" })
    .trim()
    .regex(/^[A-Za-z0-9._-]{0,253}$/, "must be a host name")
    .nullish()
    .transform((value) => (value ? value : null)),
});

export type IcingaApiSettingsInput = z.input<typeof icingaApiSettingsSchema>;
export type IcingaApiSettings = z.output<typeof icingaApiSettingsSchema>;

export function parseIcingaApiSettings(input: unknown): SettingsResult<IcingaApiSettings> {
  return parseSettings(icingaApiSettingsSchema, input, "Icinga 2 API settings");
}

/** The base URL without a trailing slash, so paths such as "/v1/objects/hosts" can be appended. */
export function apiRoot(settings: Pick<IcingaApiSettings, "baseUrl">): string {
  const url = new URL(settings.baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
