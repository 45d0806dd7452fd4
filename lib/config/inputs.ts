import { z } from "zod";
import { ValidationError } from "../errors/app-error";
import { recordId, storableText } from "../validation/fields";

const name = storableText().trim().min(1, "is required").max(100, "must be at most 100 characters");
const id = recordId();
const distinctIds = (what: string) =>
  z.array(id).refine((ids) => new Set(ids).size === ids.length, `lists a ${what} twice`);

export const componentInput = z
  .object({
    name,
    hostTemplateId: id,
    hostIds: distinctIds("host"),
    requiredOnline: z.number().int().min(0, "must be 0 or more"),
  })
  .refine((input) => input.requiredOnline <= input.hostIds.length, {
    path: ["requiredOnline"],
    message: "cannot be more than the number of hosts",
  });
export type ComponentInput = z.infer<typeof componentInput>;

export const businessServiceInput = z.object({ name, componentIds: distinctIds("component") });
export type BusinessServiceInput = z.infer<typeof businessServiceInput>;

/** Parses or throws a ValidationError naming each bad field. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw ValidationError.fromIssues(parsed.error.issues);
  return parsed.data;
}

/** A unique constraint failed: Prisma's P2002, or a driver adapter's PostgreSQL 23505. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } };
  return code === "P2002" || cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}
