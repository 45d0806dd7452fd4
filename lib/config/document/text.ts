import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { ValidationError } from "../../errors/app-error";

export type DocumentFormat = "json" | "yaml";

/** The format a Content-Type names: YAML for application/yaml, text/yaml and the x- forms; anything else is JSON. */
export function formatOfContentType(contentType: string | null): DocumentFormat {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return /^(application|text)\/(x-)?yaml$/.test(type) ? "yaml" : "json";
}

/** A file's format by its name: .yaml and .yml are YAML, anything else JSON. */
export function formatOfFileName(fileName: string): DocumentFormat {
  return /\.ya?ml$/i.test(fileName) ? "yaml" : "json";
}

/** The text as a value (not yet a document), or a ValidationError saying why it cannot be read. */
export function readDocumentText(text: string, format: DocumentFormat): unknown {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ValidationError(`the document is not valid JSON (${firstLine(error)})`);
    }
  }
  try {
    // One document only, and no aliases that expand into huge values.
    return parseYaml(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new ValidationError(`the document is not valid YAML (${firstLine(error)})`);
  }
}

export function writeDocumentText(value: unknown, format: DocumentFormat): string {
  return format === "yaml" ? stringifyYaml(value) : `${JSON.stringify(value, null, 2)}\n`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split("\n")[0]!;
}
