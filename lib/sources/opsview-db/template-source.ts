import { z } from "zod";

/**
 * Where a host's templates (its BSM host types) come from. Opsview keeps them in its configuration
 * database; Icinga's IDO does not store templates at all, so there a host group naming pattern or a
 * custom variable stands in for them.
 */
export const hostTemplateSourceSchema = z.discriminatedUnion(
  "from",
  [
    z.object({ from: z.literal("opsview-config") }),
    z.object({
      from: z.literal("host-group"),
      /** A regular expression; a host group it matches is a template, named by the first capture group if any. */
      pattern: z
        .string({ error: "must be a regular expression" })
        .min(1, "must be a regular expression")
        .max(200, "is too long")
        .refine(isRegularExpression, "is not a valid regular expression"),
    }),
    z.object({
      from: z.literal("custom-variable"),
      /** A host custom variable holding a template name, a comma-separated list or an array. */
      name: z
        .string({ error: "must be a custom variable name" })
        .trim()
        .regex(/^[A-Za-z0-9_.-]{1,255}$/, "must be a custom variable name (letters, digits, _ . -)"),
    }),
  ],
  { error: 'must say where host templates come from: "opsview-config", "host-group" or "custom-variable"' },
);

export type HostTemplateSource = z.output<typeof hostTemplateSourceSchema>;

export const OPSVIEW_CONFIG_TEMPLATES: HostTemplateSource = { from: "opsview-config" };

function isRegularExpression(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Opsview's configuration tables or Icinga's IDO tables: which layout the queries read. */
export function usesOpsviewConfig(source: HostTemplateSource): boolean {
  return source.from === "opsview-config";
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return null;
}

function customVariableNames(value: string, isJson: boolean): string[] {
  if (isJson) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === "string") return [parsed];
      if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === "string");
      return [];
    } catch {
      return [];
    }
  }
  return value.split(",");
}

/**
 * Template names carried by one row's template column, in priority order. `isJson` is the IDO's
 * is_json flag for custom variables (arrays arrive as JSON text). Answers are remembered per value
 * (an estate has few distinct ones), so the returned list is shared: copy it before changing it.
 */
export function createTemplateNamer(source: HostTemplateSource): (value: unknown, isJson?: unknown) => readonly string[] {
  const namesOf = templateNamesOf(source);
  // Keyed by the raw value itself: a prefixed key would be a new string to hash on every row.
  const remembered = { text: new Map<string, readonly string[]>(), json: new Map<string, readonly string[]>() };
  return (value, isJson) => {
    const raw = text(value);
    if (raw === null) return [];
    const json = Number(isJson) === 1;
    const byRaw = json ? remembered.json : remembered.text;
    let names = byRaw.get(raw);
    if (names === undefined) {
      names = namesOf(raw, json);
      byRaw.set(raw, names);
    }
    return names;
  };
}

function templateNamesOf(source: HostTemplateSource): (raw: string, isJson: boolean) => string[] {
  const clean = (names: string[]) => [...new Set(names.map((name) => name.trim()).filter((name) => name !== ""))];
  switch (source.from) {
    case "opsview-config":
      return (raw) => clean([raw]);
    case "host-group": {
      const pattern = new RegExp(source.pattern);
      return (raw) => {
        const match = pattern.exec(raw);
        if (!match) return [];
        return clean([match.length > 1 ? (match[1] ?? "") : raw]);
      };
    }
    case "custom-variable":
      return (raw, isJson) => clean(customVariableNames(raw, isJson));
  }
}
