import { z } from "zod";
import { ValidationError } from "../errors/app-error";
import { INT4_MAX, storableText } from "../validation/fields";
import { plainErrorMap, type FieldLabels } from "../validation/plain-messages";

const name = storableText().trim().min(1, "Enter a name").max(100, "Name must be at most 100 characters");
const distinctIds = (what: string) => z.array(z.number().int().min(1).max(INT4_MAX)).refine((ids) => new Set(ids).size === ids.length, `The same ${what} is chosen twice`);
const CHOOSE_TEMPLATE = "Choose a host template";

export const componentInput = z
  .object({
    name,
    hostTemplateId: z.number({ error: CHOOSE_TEMPLATE }).int(CHOOSE_TEMPLATE).min(1, CHOOSE_TEMPLATE).max(INT4_MAX, CHOOSE_TEMPLATE),
    hostIds: distinctIds("host").min(1, "Choose at least one host"),
    requiredOnline: z.number().int(),
  })
  .superRefine((input, context) => {
    if (input.requiredOnline < 0 || input.requiredOnline > input.hostIds.length) {
      context.addIssue({ code: "custom", path: ["requiredOnline"], message: requiredOnlineRangeMessage(input.hostIds.length) });
    }
  });
export type ComponentInput = z.infer<typeof componentInput>;

export function requiredOnlineRangeMessage(hostsCount: number): string {
  return `Required online must be between 0 and the number of hosts (${hostsCount})`;
}

export const businessServiceInput = z.object({ name, componentIds: distinctIds("component") });
export type BusinessServiceInput = z.infer<typeof businessServiceInput>;

/** The configuration forms' words for their fields, for the messages zod words itself. */
export const CONFIG_FIELD_LABELS: FieldLabels = {
  name: "Name",
  hostTemplateId: "Host template",
  hostIds: "Hosts",
  requiredOnline: "Required online",
  componentIds: "Components",
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
