import { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors/app-error";
import { distinctTargets, type SourceActionTarget } from "../source-actions/types";
import { storableText } from "../validation/fields";

// What a what-if scenario changes (docs/what-if.md §2). Pure: shared by the evaluator, the REST API,
// the server actions and the page's form.

export const WHAT_IF_TARGETS = ["failed", "downtime", "recovered"] as const;
export type WhatIfTarget = (typeof WHAT_IF_TARGETS)[number];

/** At most this many changes in one scenario. */
export const MAX_WHAT_IF_CHANGES = 200;
export const MAX_SCENARIO_NAME = 120;

/** One change: a host (every one of its checks) or one check of it, made failed, in downtime or recovered. */
export interface WhatIfChange {
  readonly host: string;
  /** A check of the host, by name; absent: the whole host. */
  readonly check?: string;
  readonly to: WhatIfTarget;
}

export const whatIfChangeSchema = z.strictObject({
  host: storableText().trim().min(1, "is required").max(255),
  check: storableText().trim().min(1, "must not be empty").max(255).optional(),
  to: z.enum(WHAT_IF_TARGETS, { message: `must be one of ${WHAT_IF_TARGETS.join(", ")}` }),
});

export const whatIfChangesSchema = z
  .array(whatIfChangeSchema, { message: "must be a list of changes" })
  .min(1, "name at least one host or check")
  .max(MAX_WHAT_IF_CHANGES, `at most ${MAX_WHAT_IF_CHANGES} changes`);

export const scenarioNameSchema = storableText().trim().min(1, "is required").max(MAX_SCENARIO_NAME, `at most ${MAX_SCENARIO_NAME} characters`);

/** Field path of a zod issue, dotted: changes.3.host. */
function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix: string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = [...prefix, ...issue.path.map(String)].join(".") || "input";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Parses an input with a schema; a ValidationError whose fields are dotted paths (changes.3.to) otherwise. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown, prefix: string[] = []): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error.issues, prefix));
  return parsed.data;
}

/** The changes as given, validated (400 with a field per problem). */
export function parseWhatIfChanges(input: unknown): WhatIfChange[] {
  return parseOrThrow(whatIfChangesSchema, input, ["changes"]);
}

/**
 * Stored changes, read back: anything that no longer parses is dropped rather than failing the
 * whole scenario (the schema only grows more lenient, but a hand-edited row should not crash a page).
 */
export function readStoredChanges(stored: unknown): WhatIfChange[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = whatIfChangeSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Hosts a set of changes names, each once, in first-seen order. */
export function hostsOfChanges(changes: readonly WhatIfChange[]): string[] {
  return [...new Set(changes.map((change) => change.host))];
}

/**
 * What "Schedule this" puts in downtime: each host or check the scenario fails or puts in downtime,
 * once (a whole host covers its own checks); recoveries are left out.
 */
export function downtimeTargetsOf(changes: readonly WhatIfChange[]): SourceActionTarget[] {
  return distinctTargets(changes.filter((change) => change.to !== "recovered"));
}
