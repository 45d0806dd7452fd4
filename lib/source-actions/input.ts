import { z } from "zod";
import { ValidationError } from "../errors/app-error";
import { storableText } from "../validation/fields";
import { distinctTargets, type SourceActionKind, type SourceActionTarget } from "./types";

export const MAX_TARGETS = 200;
export const MAX_COMMENT = 1000;
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

const name = storableText().trim().min(1, "is required").max(255, "must be at most 255 characters");
const target = z.strictObject({ host: name, check: name.optional() });
const targets = z
  .array(target, { error: "must be a list of { host, check? }" })
  .min(1, "choose at least one host or check")
  .max(MAX_TARGETS, `at most ${MAX_TARGETS} hosts or checks at once`);
const comment = storableText().trim().min(1, "is required").max(MAX_COMMENT, `must be at most ${MAX_COMMENT} characters`);
const epochMs = z.number({ error: "must be a time (epoch milliseconds)" }).int("must be a whole number of milliseconds").min(0).max(8.64e15);

export type ParsedSourceAction =
  | { kind: "acknowledge"; targets: SourceActionTarget[]; comment: string; sticky: boolean; expiresAt: number | null }
  | { kind: "downtime"; targets: SourceActionTarget[]; comment: string; startAt: number; endAt: number }
  | { kind: "remove-acknowledgement" | "remove-downtime"; targets: SourceActionTarget[] };

const schemas = {
  acknowledge: z.object({ targets, comment, sticky: z.boolean().default(false), expiresAt: epochMs.nullable().default(null) }),
  downtime: z.object({ targets, comment, startAt: epochMs, endAt: epochMs }),
  "remove-acknowledgement": z.object({ targets }),
  "remove-downtime": z.object({ targets }),
} satisfies Record<SourceActionKind, z.ZodType>;

function parseWith<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success) throw ValidationError.fromIssues(result.error.issues);
  return result.data;
}

/** The request, checked: 400 with a message per field (targets, comment, sticky, expiresAt, startAt, endAt, kind). */
export function parseSourceActionInput(raw: unknown, now: number): ParsedSourceAction {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ValidationError({ input: "must be a JSON object" });
  const kind = (raw as { kind?: unknown }).kind;
  if (typeof kind !== "string" || !Object.hasOwn(schemas, kind)) {
    throw new ValidationError({ kind: "must be acknowledge, remove-acknowledgement, downtime or remove-downtime" });
  }
  let parsed: ParsedSourceAction;
  switch (kind as SourceActionKind) {
    case "acknowledge": {
      const value = parseWith(schemas.acknowledge, raw);
      if (value.expiresAt !== null && value.expiresAt <= now) throw new ValidationError({ expiresAt: "must be in the future" });
      if (value.expiresAt !== null && value.expiresAt > now + YEAR_MS) throw new ValidationError({ expiresAt: "must be within a year" });
      parsed = { kind: "acknowledge", ...value };
      break;
    }
    case "downtime": {
      const value = parseWith(schemas.downtime, raw);
      if (value.endAt <= value.startAt) throw new ValidationError({ endAt: "must be after the start" });
      if (value.endAt <= now) throw new ValidationError({ endAt: "must be in the future" });
      if (value.endAt - value.startAt > YEAR_MS) throw new ValidationError({ endAt: "a downtime may last at most a year" });
      if (value.startAt > now + YEAR_MS) throw new ValidationError({ startAt: "must be within a year" });
      parsed = { kind: "downtime", ...value };
      break;
    }
    default: {
      const value = parseWith(schemas[kind as "remove-downtime"], raw);
      parsed = { kind: kind as "remove-acknowledgement" | "remove-downtime", ...value };
    }
  }
  return { ...parsed, targets: distinctTargets(parsed.targets) };
}
