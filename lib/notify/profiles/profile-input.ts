import { z } from "zod";

import type { FieldErrors } from "../../errors/app-error";
import { isStorableText, recordId, STORABLE_TEXT_MESSAGE, storableText } from "../../validation/fields";
import { MAX_BURN_RATE_WINDOWS, MAX_BURN_WINDOW_MINUTES } from "../burn-rate";
import { isValidTimeZone, parseTimeRange } from "../time-period";
import { TRIGGERS, WEEKDAYS, type TimePeriod, type Trigger, type Weekday } from "../types";

// Rules: docs/notification-rules.md §1.1 (profile fields).
// What the profile form sends (text as typed) and what is stored (parsed). The form's field
// errors are keyed by the dotted path of the field, e.g. "methods.0.argv".

const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A number typed into a form field: "" and anything not a number are errors, not 0. */
function formNumber(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value)) : value),
    z.number({ error: message }),
  );
}

const wholeNumber = (message: string, min: number, max: number) =>
  formNumber(message).pipe(z.int({ error: message }).min(min, message).max(max, message));

const seconds = wholeNumber("Enter a time limit between 1 and 300 seconds", 1, 300);

/** `NAME=value` lines → { NAME: value }. */
const settingsText = storableText().transform((text, context) => {
  const settings: Record<string, string> = {};
  for (const line of linesOf(text)) {
    const equals = line.indexOf("=");
    const name = equals < 0 ? line : line.slice(0, equals).trim();
    if (equals < 0 || !VARIABLE_NAME.test(name)) {
      context.addIssue({ code: "custom", message: `"${line}" is not NAME=value (letters, digits and _ in the name)` });
      return z.NEVER;
    }
    settings[name] = line.slice(equals + 1).trim();
  }
  return settings;
});

/** Names separated by commas, spaces or lines. */
const variableNamesText = storableText().transform((text, context) => {
  const names = text.split(/[\s,]+/).filter((name) => name !== "");
  const bad = names.find((name) => !VARIABLE_NAME.test(name));
  if (bad !== undefined) {
    context.addIssue({ code: "custom", message: `"${bad}" is not a variable name (letters, digits and _)` });
    return z.NEVER;
  }
  return names;
});

/** `Name: value` lines → headers. */
const headersText = storableText().transform((text, context) => {
  const headers: Record<string, string> = {};
  for (const line of linesOf(text)) {
    const colon = line.indexOf(":");
    const name = colon < 0 ? "" : line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9-]+$/.test(name)) {
      context.addIssue({ code: "custom", message: `"${line}" is not "Name: value"` });
      return z.NEVER;
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
});

const commandMethodInput = z.object({
  kind: z.literal("command"),
  /** One argument per line; the first is the program (an absolute path, or notify_via_nagios). */
  argv: storableText()
    .transform(linesOf)
    .pipe(
      z
        .array(z.string())
        .min(1, "Enter the program, then one argument per line")
        .refine((argv) => argv.length === 0 || argv[0] === "notify_via_nagios" || argv[0].startsWith("/"), {
          message: "The program must be an absolute path or notify_via_nagios",
        }),
    ),
  timeoutSeconds: seconds,
  settings: settingsText,
  contactVariables: variableNamesText,
});

const emailMethodInput = z.object({
  kind: z.literal("email"),
  host: storableText().trim().min(1, "Enter the SMTP server"),
  port: wholeNumber("Enter a port between 1 and 65535", 1, 65535),
  secure: z.boolean(),
  username: storableText().trim(),
  password: storableText(),
  from: z.email({ error: "Enter the sender's e-mail address" }).refine(isStorableText, STORABLE_TEXT_MESSAGE),
  timeoutSeconds: seconds,
});

const webhookMethodInput = z.object({
  kind: z.literal("webhook"),
  url: z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL" }).refine(isStorableText, STORABLE_TEXT_MESSAGE),
  headers: headersText,
  timeoutSeconds: seconds,
});

export const methodInputSchema = z.discriminatedUnion("kind", [commandMethodInput, emailMethodInput, webhookMethodInput]);
export type StoredMethod = z.output<typeof methodInputSchema>;
export type MethodKind = StoredMethod["kind"];

/** A custom weekly time period as the form sends it: one line of ranges per day. */
const customTimePeriodInput = z.object({
  kind: z.literal("custom"),
  timeZone: storableText().trim().refine(isValidTimeZone, "Enter an IANA time zone such as Europe/London"),
  ranges: z.record(z.enum(WEEKDAYS), storableText()).transform((days, context) => {
    const ranges: Partial<Record<Weekday, string[]>> = {};
    for (const day of WEEKDAYS) {
      const list = (days[day] ?? "").split(/[\s,]+/).filter((range) => range !== "");
      const bad = list.find((range) => parseTimeRange(range) === null);
      if (bad !== undefined) {
        context.addIssue({ code: "custom", path: [day], message: `"${bad}" is not HH:MM-HH:MM with start before end` });
        return z.NEVER;
      }
      if (list.length > 0) ranges[day] = list;
    }
    return ranges;
  }),
});

const timePeriodInput = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("24x7") }), z.object({ kind: z.literal("workhours") }), customTimePeriodInput])
  .transform((period): TimePeriod => (period.kind === "custom" ? { timeZone: period.timeZone, ranges: period.ranges } : period.kind));

const burnRateWindowInput = z.object({
  windowMinutes: wholeNumber(`Enter minutes between 1 and ${MAX_BURN_WINDOW_MINUTES}`, 1, MAX_BURN_WINDOW_MINUTES),
  budgetPercent: formNumber("Enter a percentage above 0, at most 100").pipe(
    z.number().gt(0, "Enter a percentage above 0, at most 100").max(100, "Enter a percentage above 0, at most 100"),
  ),
});

export const profileInputSchema = z
  .object({
    name: storableText().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
    shared: z.boolean(),
    sharedWithRoleIds: z.array(recordId()),
    businessServiceIds: z.array(recordId()),
    componentIds: z.array(recordId()),
    triggers: z.array(z.enum(TRIGGERS)).min(1, "Choose at least one trigger"),
    availabilityThreshold: formNumber("Enter a percentage between 0 and 100").pipe(
      z.number().min(0, "Enter a percentage between 0 and 100").max(100, "Enter a percentage between 0 and 100"),
    ),
    sendRecovery: z.boolean(),
    renotifyMinutes: wholeNumber("Enter minutes between 0 (never) and 10080", 0, 10_080),
    alertFrom: wholeNumber("Enter a whole number from 1", 1, 1_000),
    stopAlertAfter: wholeNumber("Enter a whole number from 0 (no limit)", 0, 1_000),
    timePeriod: timePeriodInput,
    includeNotes: z.boolean(),
    methods: z.array(methodInputSchema).min(1, "Add at least one notification method"),
    /** The burn trigger's windows; sent empty (and ignored) without that trigger. */
    burnRateWindows: z.array(burnRateWindowInput).max(MAX_BURN_RATE_WINDOWS, `At most ${MAX_BURN_RATE_WINDOWS} windows`).default([]),
  })
  .superRefine((input, context) => {
    if (input.triggers.includes("burn")) {
      if (input.burnRateWindows.length === 0) {
        context.addIssue({ code: "custom", path: ["burnRateWindows"], message: "Add at least one window" });
      }
      input.burnRateWindows.forEach((window, index) => {
        if (input.burnRateWindows.findIndex((other) => other.windowMinutes === window.windowMinutes) < index) {
          context.addIssue({ code: "custom", path: ["burnRateWindows", index, "windowMinutes"], message: "Each window length may appear once" });
        }
      });
    }
    if (input.businessServiceIds.length + input.componentIds.length === 0) {
      context.addIssue({ code: "custom", path: ["objects"], message: "Choose at least one business service or component" });
    }
  });

export type ProfileInput = z.output<typeof profileInputSchema>;

/** Field path (dotted) → first message, "form" for the whole value. */
export function collectFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

export type ParsedProfile = { ok: true; value: ProfileInput } | { ok: false; fieldErrors: FieldErrors };

export function parseProfileInput(raw: unknown): ParsedProfile {
  const result = profileInputSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, fieldErrors: collectFieldErrors(result.error) };
}

// Reading stored rows back: the same shapes, already parsed.
const storedMethodSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("command"),
    argv: z.array(z.string()).min(1),
    timeoutSeconds: z.int().min(1),
    settings: z.record(z.string(), z.string()),
    contactVariables: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("email"),
    host: z.string(),
    port: z.int(),
    secure: z.boolean(),
    username: z.string(),
    password: z.string(),
    from: z.string(),
    timeoutSeconds: z.int().min(1),
  }),
  z.object({
    kind: z.literal("webhook"),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    timeoutSeconds: z.int().min(1),
  }),
]);

export const storedMethodsSchema = z.array(storedMethodSchema);

export function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}
