import { z } from "zod";
import { ValidationError } from "../errors/app-error";
import { isValidTimeZone } from "../notify/time-period";
import type { BsmObjectRef } from "../status/bsm-object";
import { isRecordId, recordId, storableText } from "../validation/fields";

// What may be stored as an SLA target or an excluded period (docs/sla.md §2, §4).

export const SLA_PERIODS = ["MONTH", "QUARTER"] as const;
export const SLA_OBJECT_TYPES = ["BUSINESS_SERVICE", "COMPONENT"] as const;
export type SlaObjectType = (typeof SLA_OBJECT_TYPES)[number];
export const EXCLUDED_PERIOD_MAX_DAYS = 400;
export const REASON_MAX = 500;

const TARGET_MESSAGE = "Enter a target above 0 and below 100, e.g. 99.9";

/** A number, or a form's text holding one (blank is not a number). */
const numberFromForm = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), z.number({ error: TARGET_MESSAGE }));

export const slaTargetInput = z.strictObject({
  targetPercent: numberFromForm.pipe(
    z
      .number({ error: TARGET_MESSAGE })
      .gt(0, TARGET_MESSAGE)
      .lt(100, TARGET_MESSAGE)
      .refine((value) => Math.abs(Math.round(value * 1000) - value * 1000) < 1e-6, "Use at most 3 decimals"),
  ),
  period: z.enum(SLA_PERIODS, { error: "Choose MONTH or QUARTER" }).default("MONTH"),
  countDowntime: z.boolean({ error: "countDowntime is true or false" }).default(false),
  timeZone: storableText().refine(isValidTimeZone, "Not a known time zone (an IANA name such as Europe/London)").default("UTC"),
});
export type SlaTargetInput = z.infer<typeof slaTargetInput>;

const moment = (field: string) =>
  z.union([z.number().int(), z.string()], { error: `${field}: an ISO 8601 time or epoch milliseconds` }).transform((value, context) => {
    const at = typeof value === "number" ? value : Date.parse(value);
    if (!Number.isFinite(at) || Math.abs(at) > 8.64e15) {
      context.addIssue({ code: "custom", message: `Not a time: ${String(value)}` });
      return z.NEVER;
    }
    return at;
  });

/** An excluded period as the API takes it: the object, from/to (ISO 8601 with offset, or epoch ms), reason. */
export const excludedPeriodInput = z
  .strictObject({
    objectType: z.enum(SLA_OBJECT_TYPES, { error: "objectType is BUSINESS_SERVICE or COMPONENT" }),
    objectId: recordId(),
    from: moment("from"),
    to: moment("to"),
    reason: storableText().trim().min(1, "Give a reason").max(REASON_MAX, `The reason must be at most ${REASON_MAX} characters`),
  })
  .superRefine((input, context) => {
    if (input.to <= input.from) context.addIssue({ code: "custom", path: ["to"], message: "The end must be after the start" });
    else if (input.to - input.from > EXCLUDED_PERIOD_MAX_DAYS * 86_400_000)
      context.addIssue({ code: "custom", path: ["to"], message: `An excluded period may be at most ${EXCLUDED_PERIOD_MAX_DAYS} days long` });
  });
export type ExcludedPeriodInput = z.infer<typeof excludedPeriodInput>;

/** Parses or throws a ValidationError with a message per field. */
export function parseSlaInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw ValidationError.fromIssues(parsed.error.issues);
  return parsed.data;
}

/** A row id given by a caller (400 unless a whole number in range). */
export function recordIdOf(value: unknown, field = "id"): number {
  if (!isRecordId(value)) throw new ValidationError({ [field]: "Not an id" });
  return value;
}

/** The object an SLA belongs to, from a caller's objectType and id (400 for anything else). */
export function slaRefOfInput(objectType: unknown, id: unknown): BsmObjectRef {
  if (!SLA_OBJECT_TYPES.some((type) => type === objectType)) throw new ValidationError({ objectType: "objectType is BUSINESS_SERVICE or COMPONENT" });
  return { objectType: objectType as SlaObjectType, objectKey: String(recordIdOf(id)) };
}

const excludedPeriodObject = z.looseObject({ objectType: z.enum(SLA_OBJECT_TYPES), objectId: recordId() });

/** The object an excluded period's input names, when it names one validly (to check permission before the rest). */
export function objectOfExcludedPeriodInput(raw: unknown): BsmObjectRef | null {
  const parsed = excludedPeriodObject.safeParse(raw);
  return parsed.success ? { objectType: parsed.data.objectType, objectKey: String(parsed.data.objectId) } : null;
}
