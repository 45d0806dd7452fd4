import { z } from "zod";
import { reflectPoll, type PollInput } from "./reflect-poll";
import { EXPORT_STATES, type HostElementActionKind, type HostRecord, type ReflectionMode, type ReflectStatus } from "./types";

// The `dve:reflect` evaluation contract of docs/connector-rules.md §8.

function describedAs(expectation: string) {
  return { error: (issue: { input: unknown }) => (issue.input === undefined ? "is required" : `must be ${expectation}`) };
}

const MODE_SPELLINGS: Readonly<Record<string, ReflectionMode>> = {
  MANUAL: "MANUAL",
  SEMI_AUTOMATIC: "SEMI_AUTOMATIC",
  "SEMI-AUTOMATIC": "SEMI_AUTOMATIC",
  AUTOMATIC: "AUTOMATIC",
};

const nonEmptyString = z.string(describedAs("a non-empty string")).min(1, { error: "must be a non-empty string" });
const flag = z.boolean(describedAs("true or false"));

const modeSchema = z
  .enum(Object.keys(MODE_SPELLINGS) as [string, ...string[]], describedAs("one of MANUAL, SEMI_AUTOMATIC, AUTOMATIC"))
  .transform((spelling) => MODE_SPELLINGS[spelling]);

const previousHostSchema = z.object(
  {
    host: nonEmptyString,
    type: nonEmptyString,
    exportEnabled: flag,
    elementExists: flag,
    elementType: nonEmptyString.nullable().optional(),
    removed: flag.optional(),
  },
  describedAs("an object"),
);

const currentHostSchema = z.object({ host: nonEmptyString, type: nonEmptyString }, describedAs("an object"));

export const reflectContractInputSchema = z
  .object(
    {
      mode: modeSchema,
      exportSettings: z.record(z.string(), z.enum(EXPORT_STATES, describedAs("one of ON, OFF, NA")), describedAs("an object")),
      previous: z.array(previousHostSchema, describedAs("an array")),
      current: z.array(currentHostSchema, describedAs("an array")),
      exportEnabled: z.record(z.string(), flag, describedAs("an object")).optional(),
    },
    describedAs("a JSON object"),
  )
  .superRefine((input, context) => {
    input.previous.forEach((entry, index) => {
      if (!entry.elementExists && entry.elementType != null) {
        context.addIssue({ code: "custom", path: ["previous", index, "elementType"], message: "must be null or absent when elementExists is false" });
      }
    });
    for (const list of ["previous", "current"] as const) {
      const seen = new Set<string>();
      input[list].forEach((entry, index) => {
        if (seen.has(entry.host)) context.addIssue({ code: "custom", path: [list, index, "host"], message: `duplicate host ${entry.host}` });
        seen.add(entry.host);
      });
    }
  });

export type ReflectContractInput = z.output<typeof reflectContractInputSchema>;

export interface ReflectContractHostRow {
  host: string;
  status: ReflectStatus;
  elementExists: boolean;
  actions: HostElementActionKind[];
  pending: boolean;
}

export interface ReflectContractOutput {
  hosts: ReflectContractHostRow[];
}

export type ReflectContractResult = { ok: true; output: ReflectContractOutput } | { ok: false; error: string };

export function toPollInput(input: ReflectContractInput): PollInput {
  const previous = input.previous.map(
    (entry): HostRecord => ({
      host: entry.host,
      type: entry.type,
      removed: entry.removed ?? false,
      exportEnabled: entry.exportEnabled,
      elementExists: entry.elementExists,
      elementType: entry.elementExists ? (entry.elementType ?? entry.type) : null,
      status: "Ok",
      pending: false,
      message: null,
    }),
  );
  return {
    mode: input.mode,
    exportSettings: new Map(Object.entries(input.exportSettings)),
    previous,
    current: input.current,
    exportEnabledForNewHosts: new Map(Object.entries(input.exportEnabled ?? {})),
  };
}

/** Rows: hosts of `previous` in their order, then hosts new in `current` in theirs. */
export function runReflectContract(input: ReflectContractInput): ReflectContractOutput {
  const { outcomes } = reflectPoll(toPollInput(input));
  return {
    hosts: outcomes.map(({ record, actions }) => ({
      host: record.host,
      status: record.status,
      elementExists: record.elementExists,
      actions: actions.map((action) => action.kind),
      pending: record.pending,
    })),
  };
}

function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.reduce<string>(
    (path, key) => (typeof key === "number" ? `${path}[${key}]` : path === "" ? String(key) : `${path}.${String(key)}`),
    "",
  );
  return `${field === "" ? "input" : field}: ${issue.message}`;
}

export function evaluateReflectContract(text: string): ReflectContractResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `input: must be valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = reflectContractInputSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: describeFirstIssue(parsed.error) };
  return { ok: true, output: runReflectContract(parsed.data) };
}
