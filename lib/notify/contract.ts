// Rules: docs/notification-rules.md §13 (the notify:simulate input) and §8.2 (the stored decision state).
import { z } from "zod";

import { burnRateWindowsSchema } from "./burn-rate";
import { NOTIFICATION_STATE_VERSION, floorToMinute, type NotificationState } from "./decide";
import { isValidTimeZone, parseTimeRange } from "./time-period";
import { TRIGGERS, WEEKDAYS, type ObjectState, type ObjectType, type TimePeriod } from "./types";

const OBJECT_STATES = ["OPERATIONAL", "DOWNTIME", "OFFLINE", "FAILED"] as const;
const STATES_BY_TYPE: Record<ObjectType, readonly ObjectState[]> = {
  BSMService: ["OPERATIONAL", "DOWNTIME", "OFFLINE"],
  BSMComponent: ["OPERATIONAL", "DOWNTIME", "FAILED"],
};

const isoTime = z.iso.datetime({ offset: true, message: "expected an ISO 8601 date-time" });
const wholeMinute = isoTime
  .transform((text) => new Date(text))
  .refine((at) => at.getTime() === floorToMinute(at), "expected a whole minute");
const percent = z.number().min(0).max(100);

const weeklyTimePeriodSchema = z.strictObject({
  timeZone: z.string().refine(isValidTimeZone, "expected an IANA time zone"),
  ranges: z.partialRecord(
    z.enum(WEEKDAYS),
    z.array(
      z.string().refine((text) => parseTimeRange(text) !== null, 'expected "HH:MM-HH:MM" with start < end'),
    ),
  ),
});

export const timePeriodSchema: z.ZodType<TimePeriod> = z.union([
  z.enum(["24x7", "workhours", "none"], {
    message: 'expected "24x7", "workhours", "none" or {timeZone, ranges}',
  }),
  weeklyTimePeriodSchema,
]);

export const notificationRulesSchema = z.object({
  triggers: z.array(z.enum(TRIGGERS)),
  availabilityThreshold: percent,
  sendRecovery: z.boolean(),
  renotifyMinutes: z.int().min(0),
  alertFrom: z.int().min(1),
  stopAlertAfter: z.int().min(0),
  timePeriod: timePeriodSchema,
  burnRateWindows: burnRateWindowsSchema.optional(),
});

const objectSchema = z.object({
  type: z.enum(["BSMService", "BSMComponent"]),
  id: z.string().min(1),
  name: z.string().min(1),
});

const burnFigureSchema = z.object({
  windowMinutes: z.int().min(1),
  spentPercent: z.number().min(0),
});

const burnFiguresSchema = z
  .array(burnFigureSchema)
  .refine((figures) => new Set(figures.map((figure) => figure.windowMinutes)).size === figures.length, "each window length may appear once");

const timelineEntrySchema = z.object({
  at: wholeMinute,
  state: z.enum(OBJECT_STATES),
  impacted: z.boolean(),
  availability: percent,
  /** Absent: no error budget spent (an object without an SLA). */
  burn: burnFiguresSchema.optional(),
});

export const simulationInputSchema = z
  .object({
    object: objectSchema,
    profile: notificationRulesSchema,
    timeline: z.array(timelineEntrySchema).min(1),
    until: isoTime.transform((text) => new Date(text)),
  })
  .superRefine((input, context) => {
    const allowed = STATES_BY_TYPE[input.object.type];
    input.timeline.forEach((entry, index) => {
      if (!allowed.includes(entry.state)) {
        context.addIssue({
          code: "custom",
          path: ["timeline", index, "state"],
          message: `a ${input.object.type} is one of ${allowed.join(", ")}`,
        });
      }
      const before = input.timeline[index - 1];
      if (before && entry.at <= before.at) {
        context.addIssue({
          code: "custom",
          path: ["timeline", index, "at"],
          message: "timeline entries must be in strictly increasing time order",
        });
      }
    });
    const first = input.timeline.at(0);
    if (first && input.until < first.at) {
      context.addIssue({ code: "custom", path: ["until"], message: "must not be before the first timeline entry" });
    }
  });

export type SimulationInput = z.output<typeof simulationInputSchema>;

const problemStateSchema = z.object({
  startedAt: isoTime,
  number: z.int().min(1),
  numberedAt: isoTime,
  sentCount: z.int().min(0),
  lastSentAt: isoTime.nullable(),
});

/** Validates a persisted NotificationState read back from storage. */
export const notificationStateSchema: z.ZodType<NotificationState> = z.object({
  version: z.literal(NOTIFICATION_STATE_VERSION),
  evaluatedAt: isoTime.nullable(),
  status: z.object({ state: z.enum(OBJECT_STATES), impacted: z.boolean() }),
  availability: percent,
  statusProblem: problemStateSchema.nullable(),
  recoveryOwed: z.boolean(),
  availabilityProblem: problemStateSchema.nullable(),
  // States stored before the burn trigger existed lack these.
  burn: z.array(burnFigureSchema).default([]),
  burnProblem: problemStateSchema.nullable().default(null),
});

/** `timeline[1].state: message` for the first issue. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const path = issue.path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
  return `${path === "" ? "input" : path}: ${issue.message}`;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseSimulationInput(raw: unknown): ParseResult<SimulationInput> {
  const result = simulationInputSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describeFirstIssue(result.error) };
}
