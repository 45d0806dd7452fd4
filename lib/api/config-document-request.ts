import { formatOfContentType, readDocumentText, type DocumentFormat } from "../config/document";
import { ValidationError } from "../errors/app-error";
import { DeferredInput } from "../validation/deferred-input";
import { readBodyWithLimit } from "./request-body";

/** The request's body as a configuration document's value, JSON or YAML by its Content-Type, read only when the import asks for it. */
export function configDocumentBody(request: Request): DeferredInput {
  return new DeferredInput(async () => {
    const bytes = await readBodyWithLimit(request);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ValidationError("the request body must be UTF-8 text");
    }
    return readDocumentText(text, formatOfContentType(request.headers.get("content-type")));
  });
}

/** ?format=json|yaml (JSON when absent). */
export function documentFormatParameter(url: URL): DocumentFormat {
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "yaml") throw new ValidationError({ format: "format must be json or yaml" });
  return format;
}

/** A true/false query flag (?dryRun=true); false when absent. */
export function queryFlag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new ValidationError({ [name]: `${name} must be true or false` });
}

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  json: "application/json; charset=utf-8",
  yaml: "application/yaml; charset=utf-8",
};
