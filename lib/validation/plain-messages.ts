import type { z } from "zod";

/** What a form calls each field ("requiredOnline" → "Required online"); fields not listed get a label made from their name. */
export type FieldLabels = Readonly<Record<string, string>>;

type Issue = z.core.$ZodRawIssue;

/**
 * A zod error map that words zod's own messages (those a schema did not set itself) for people:
 * "Required online must be a whole number", never "Too small: expected number to be >=0".
 */
export function plainErrorMap(labels: FieldLabels = {}): (issue: Issue) => string {
  return (issue) => {
    const path = issue.path ?? [];
    const label = labelOf(path, labels);
    // An item of a list (hostIds[2]): say which list, not the item's own rule.
    if (path.some((segment) => typeof segment === "number")) return `One of the ${label.toLowerCase()} is not valid`;
    return plainMessageOf(issue, label);
  };
}

export function plainMessageOf(issue: Issue, label: string): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${label} is missing`;
      return `${label} must be ${TYPE_WORDS[issue.expected] ?? "of another kind"}`;
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), label, issue.inclusive !== false);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), label, issue.inclusive !== false);
    case "invalid_value":
      return `${label} must be one of: ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.join(", ")}`;
    default:
      return `${label} is not valid`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
};

function tooSmall(origin: string, minimum: number, label: string, inclusive: boolean): string {
  const least = inclusive ? minimum : minimum + 1;
  switch (origin) {
    case "string":
      return least <= 1 ? `${label} is required` : `${label} must be at least ${least} characters`;
    case "array":
    case "set":
      return least <= 1 ? `Choose at least one ${singular(label)}` : `Choose at least ${least} ${label.toLowerCase()}`;
    default:
      return `${label} must be at least ${least}`;
  }
}

function tooBig(origin: string, maximum: number, label: string, inclusive: boolean): string {
  const most = inclusive ? maximum : maximum - 1;
  switch (origin) {
    case "string":
      return `${label} must be at most ${most} characters`;
    case "array":
    case "set":
      return `Choose at most ${most} ${label.toLowerCase()}`;
    default:
      return `${label} must be at most ${most}`;
  }
}

function singular(label: string): string {
  const lower = label.toLowerCase();
  return lower.endsWith("s") ? lower.slice(0, -1) : lower;
}

/** The form's word for the field at the path; the whole input is "The input". */
function labelOf(path: readonly PropertyKey[], labels: FieldLabels): string {
  const field = path.find((segment) => typeof segment === "string");
  if (field === undefined) return "The input";
  return labels[field] ?? humanize(field);
}

/** "hostTemplateId" → "Host template", "componentIds" → "Components": a readable fallback for unlisted fields. */
export function humanize(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase()
    .split(/\s+/);
  const last = words.at(-1);
  if (words.length > 1 && last === "id") words.pop();
  else if (words.length > 1 && last === "ids") words.splice(-2, 2, `${words.at(-2)}s`);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
