import { z } from "zod";
import { ValidationError } from "../errors/app-error";
import { INT4_MAX, storableText } from "../validation/fields";
import { plainErrorMap, type FieldLabels } from "../validation/plain-messages";
import { NOTES_MAX } from "./limits";

const name = storableText().trim().min(1, "Enter a name").max(100, "Name must be at most 100 characters");
const distinctIds = (what: string) => z.array(z.number().int().min(1).max(INT4_MAX)).refine((ids) => new Set(ids).size === ids.length, `The same ${what} is chosen twice`);
const objectName = storableText().trim().min(1).max(200);
const distinctNames = (what: string) => z.array(objectName).refine((names) => new Set(names).size === names.length, `The same ${what} is chosen twice`);
const CHOOSE_TEMPLATE = "Choose a host template";
const CHOOSE_HOSTS = "Choose at least one host";
/** Plain text; on an update, leaving it out keeps the stored notes. */
export const notesText = storableText().max(NOTES_MAX, `Notes must be at most ${NOTES_MAX} characters`);

type Context = z.core.$RefinementCtx;

export const RULE_FIELD_MAX = 200;
/** A rule field: empty means no condition (null); left out keeps the stored rule (docs/membership-rules.md §1). */
const ruleField = (what: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    storableText().trim().max(RULE_FIELD_MAX, `${what} must be at most ${RULE_FIELD_MAX} characters`).nullable().optional(),
  );

/** Exactly one of a pair of fields (an id form and a name form) is given. */
function requireOneOf(input: Record<string, unknown>, context: Context, byId: string, byName: string, missing: string): void {
  if (input[byId] !== undefined && input[byName] !== undefined) {
    context.addIssue({ code: "custom", path: [byName], message: `Give ${byId} or ${byName}, not both` });
  } else if (input[byId] === undefined && input[byName] === undefined) {
    context.addIssue({ code: "custom", path: [byId], message: missing });
  }
}

/** As the API and forms send it: the template and hosts by id (hostTemplateId, hostIds) or by name (hostTemplate, hosts). */
export const componentInput = z
  .object({
    name,
    hostTemplateId: z.number({ error: CHOOSE_TEMPLATE }).int(CHOOSE_TEMPLATE).min(1, CHOOSE_TEMPLATE).max(INT4_MAX, CHOOSE_TEMPLATE).optional(),
    hostTemplate: objectName.optional(),
    hostIds: distinctIds("host").min(1, CHOOSE_HOSTS).optional(),
    hosts: distinctNames("host").min(1, CHOOSE_HOSTS).optional(),
    requiredOnline: z.number().int(),
    notes: notesText.optional(),
    ruleHostGroup: ruleField("Host group"),
    ruleNamePattern: ruleField("Name pattern"),
  })
  .superRefine((input, context) => {
    requireOneOf(input, context, "hostTemplateId", "hostTemplate", CHOOSE_TEMPLATE);
    if (hasRule(input)) {
      // A rule chooses the hosts; a list given beside it would be a second, conflicting answer.
      for (const field of ["hostIds", "hosts"] as const) {
        if (input[field] !== undefined) context.addIssue({ code: "custom", path: [field], message: RULE_CHOOSES_HOSTS });
      }
    } else if (input.hostIds !== undefined && input.hosts !== undefined) {
      context.addIssue({ code: "custom", path: ["hosts"], message: "Give hostIds or hosts, not both" });
    }
    const hostsCount = (input.hostIds ?? input.hosts)?.length;
    if (hostsCount === undefined && input.requiredOnline < 0) context.addIssue({ code: "custom", path: ["requiredOnline"], message: "Required online cannot be negative" });
    if (hostsCount !== undefined && (input.requiredOnline < 0 || input.requiredOnline > hostsCount)) {
      context.addIssue({ code: "custom", path: ["requiredOnline"], message: requiredOnlineRangeMessage(hostsCount) });
    }
  });
export type ComponentInputByReference = z.infer<typeof componentInput>;

export const RULE_CHOOSES_HOSTS = "Leave the hosts out: the membership rule chooses them";
export const CHOOSE_HOSTS_MESSAGE = CHOOSE_HOSTS;

/** Whether the input sets a rule (either condition given and not empty). */
export function hasRule(input: { ruleHostGroup?: string | null; ruleNamePattern?: string | null }): boolean {
  return (input.ruleHostGroup ?? null) !== null || (input.ruleNamePattern ?? null) !== null;
}

/**
 * A component input with names resolved to ids (resolveComponentNames): what the operations store.
 * Without hostIds the hosts come from the rule (created) or stay as stored (changed).
 */
export type ComponentInput = {
  name: string;
  hostTemplateId: number;
  hostIds?: number[];
  requiredOnline: number;
  notes?: string;
  ruleHostGroup?: string | null;
  ruleNamePattern?: string | null;
};

export function requiredOnlineRangeMessage(hostsCount: number): string {
  return `Required online must be between 0 and the number of hosts (${hostsCount})`;
}

/** Components by id (componentIds) or by name (components), in order. */
export const businessServiceInput = z
  .object({ name, componentIds: distinctIds("component").optional(), components: distinctNames("component").optional(), notes: notesText.optional() })
  .superRefine((input, context) => requireOneOf(input, context, "componentIds", "components", "Components is missing"));
export type BusinessServiceInputByReference = z.infer<typeof businessServiceInput>;

export type BusinessServiceInput = {
  name: string;
  componentIds: number[];
  notes?: string;
};

/** The configuration forms' words for their fields, for the messages zod words itself. */
export const CONFIG_FIELD_LABELS: FieldLabels = {
  name: "Name",
  hostTemplateId: "Host template",
  hostIds: "Hosts",
  requiredOnline: "Required online",
  componentIds: "Components",
  hostTemplate: "Host template",
  hosts: "Hosts",
  components: "Components",
  notes: "Notes",
  ruleHostGroup: "Host group",
  ruleNamePattern: "Name pattern",
};

/** Parses or throws a ValidationError with a plain-language message per bad field (labels name the fields in those messages). */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown, labels: FieldLabels = CONFIG_FIELD_LABELS): T {
  const parsed = schema.safeParse(raw, { error: plainErrorMap(labels) });
  if (!parsed.success) throw ValidationError.fromIssues(parsed.error.issues);
  return parsed.data;
}

/** A unique constraint failed: Prisma's P2002, or a driver adapter's PostgreSQL 23505. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } };
  return code === "P2002" || cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}
