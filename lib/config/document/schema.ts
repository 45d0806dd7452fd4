import { z } from "zod";
import { storableText } from "../../validation/fields";
import { plainMessageOf } from "../../validation/plain-messages";
import { notesText, requiredOnlineRangeMessage, RULE_FIELD_MAX } from "../inputs";

/** One thing wrong with a configuration document, at its place in it ("components[3].hosts[1]"). */
export interface DocumentProblem {
  path: string;
  message: string;
}

export const CONFIG_DOCUMENT_VERSION = 1;

const name = storableText().trim().min(1, "Enter a name").max(100, "Name must be at most 100 characters");

const componentEntry = z.strictObject({
  name,
  hostTemplate: name,
  hosts: z.array(name).min(1, "Choose at least one host"),
  requiredOnline: z.number().int(),
  /** Left out: the stored notes stay as they are. */
  notes: notesText.optional(),
  /** The membership rule (docs/membership-rules.md): left out, the stored rule stays; null, the hosts are a fixed list. */
  rule: z
    .strictObject({ hostGroup: ruleText("hostGroup").optional(), namePattern: ruleText("namePattern").optional() })
    .refine((rule) => rule.hostGroup !== undefined || rule.namePattern !== undefined, "Give hostGroup, namePattern or both")
    .nullable()
    .optional(),
});

function ruleText(what: string) {
  return storableText().trim().min(1, `${what} cannot be empty: leave it out`).max(RULE_FIELD_MAX, `${what} must be at most ${RULE_FIELD_MAX} characters`);
}

const businessServiceEntry = z.strictObject({
  name,
  components: z.array(name),
  notes: notesText.optional(),
});

/**
 * The configuration as one document: objects refer to each other by name, and the order of a
 * list (hosts of a component, components of a service) is their stored position.
 */
export const configDocumentSchema = z
  .strictObject({
    version: z.literal(CONFIG_DOCUMENT_VERSION, { error: `version must be ${CONFIG_DOCUMENT_VERSION}` }),
    components: z.array(componentEntry).default([]),
    businessServices: z.array(businessServiceEntry).default([]),
  })
  .superRefine((document, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    document.components.forEach((component, index) => {
      if (component.requiredOnline < 0 || component.requiredOnline > component.hosts.length) {
        problem(["components", index, "requiredOnline"], requiredOnlineRangeMessage(component.hosts.length));
      }
      forEachRepeat(component.hosts, (host, at) => problem(["components", index, "hosts", at], `the host "${host}" is listed twice`));
    });
    document.businessServices.forEach((service, index) =>
      forEachRepeat(service.components, (component, at) => problem(["businessServices", index, "components", at], `the component "${component}" is listed twice`)),
    );
    forEachRepeat(document.components.map((component) => component.name), (repeated, at) =>
      problem(["components", at, "name"], `another component in the document is also named "${repeated}"`),
    );
    forEachRepeat(document.businessServices.map((service) => service.name), (repeated, at) =>
      problem(["businessServices", at, "name"], `another business service in the document is also named "${repeated}"`),
    );
  });

export type ConfigDocument = z.infer<typeof configDocumentSchema>;
export type ComponentEntry = ConfigDocument["components"][number];
export type BusinessServiceEntry = ConfigDocument["businessServices"][number];

/** Calls back for the second and later occurrence of each value. */
function forEachRepeat(values: readonly string[], repeat: (value: string, index: number) => void): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) repeat(value, index);
    seen.add(value);
  });
}

/** components[3].hosts[1] */
export function documentPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text === "" ? String(segment) : `${text}.${String(segment)}`), "");
}

const LABELS: Record<string, string> = {
  name: "Name",
  hostTemplate: "Host template",
  hosts: "Hosts",
  requiredOnline: "Required online",
  components: "Components",
  notes: "Notes",
  businessServices: "Business services",
  version: "Version",
};

/** The document, or every problem with its path in plain words. */
export function parseConfigDocument(raw: unknown): { document: ConfigDocument; problems: [] } | { document: null; problems: DocumentProblem[] } {
  const parsed = configDocumentSchema.safeParse(raw, {
    error: (issue) => {
      const field = [...(issue.path ?? [])].reverse().find((segment) => typeof segment === "string");
      return plainMessageOf(issue, field === undefined ? "The document" : (LABELS[String(field)] ?? String(field)));
    },
  });
  if (parsed.success) return { document: parsed.data, problems: [] };
  return { document: null, problems: parsed.error.issues.map((issue) => ({ path: documentPath(issue.path) || "document", message: issue.message })) };
}
