import { z } from "zod";
import { ValidationError } from "../../errors/app-error";
import { OpsviewRestClient, type FetchLike } from "../../sources/opsview-rest/client";
import { createSelfSignedFetch } from "../../sources/opsview-rest/self-signed-fetch";
import { opsviewRestSettingsSchema, type OpsviewRestSettings } from "../../sources/opsview-rest/settings";
import { SourceUnavailableError } from "../../sources/types";
import type { OpsviewBsmLists } from "./map-opsview-configuration";

export const DEFAULT_OPSVIEW_IMPORT_TIMEOUT_MS = 30_000;

/** Where the Opsview configuration comes from: a server's REST API, or a file of the same shape. */
export const opsviewImportInputSchema = z.union([
  z.strictObject({ server: opsviewRestSettingsSchema }),
  z.strictObject({ file: z.unknown() }),
]);
export type OpsviewImportInput = z.input<typeof opsviewImportInputSchema>;

/** The input, or a ValidationError keyed by field ("server.baseUrl"); the password never appears in a message. */
export function parseOpsviewImportInput(raw: unknown): z.output<typeof opsviewImportInputSchema> {
  if (isRecord(raw) && "server" in raw) {
    const parsed = z.strictObject({ server: opsviewRestSettingsSchema }).safeParse(raw);
    if (parsed.success) return parsed.data;
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "server"] ??= issue.message;
    throw new ValidationError(fieldErrors);
  }
  if (isRecord(raw) && "file" in raw && Object.keys(raw).length === 1) return { file: raw.file };
  throw new ValidationError({ input: 'send either {"server": {baseUrl, username, password, acceptSelfSigned}} or {"file": <the Opsview JSON>}' });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A resource's list: Opsview answers {list, summary}; a bare array is taken as the list. */
function listOf(value: unknown, resource: keyof OpsviewBsmLists): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.list)) return value.list;
  return value === undefined && resource === "bsmservice" ? [] : null;
}

/**
 * The file shape: {"bsmservice": <answer>, "bsmcomponent": <answer>}, where each answer is what
 * GET /rest/config/<resource>?rows=all returned ({list, summary}) or just its list. A file without
 * "bsmservice" imports components only.
 */
export function readOpsviewFile(file: unknown): OpsviewBsmLists {
  if (!isRecord(file)) throw new ValidationError({ file: 'the file must be a JSON object {"bsmservice": {"list": [...]}, "bsmcomponent": {"list": [...]}}' });
  const bsmcomponent = listOf(file.bsmcomponent, "bsmcomponent");
  const bsmservice = listOf(file.bsmservice, "bsmservice");
  const fieldErrors: Record<string, string> = {};
  if (bsmcomponent === null) fieldErrors["file.bsmcomponent"] = 'must be the answer of /rest/config/bsmcomponent ({"list": [...]}) or its list';
  if (bsmservice === null) fieldErrors["file.bsmservice"] = 'must be the answer of /rest/config/bsmservice ({"list": [...]}) or its list';
  if (bsmcomponent === null || bsmservice === null) throw new ValidationError(fieldErrors);
  return { bsmcomponent, bsmservice };
}

export interface ReadOpsviewServerOptions {
  /** Defaults to the global fetch (with acceptSelfSigned, one that skips certificate checks for https). */
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * Reads both BSM resources with the REST source's client (login, token headers, timeouts). Any
 * failure, a refused login included, is a ValidationError on "server" with the client's one-line
 * message, which never contains the password.
 */
export async function readOpsviewServer(settings: OpsviewRestSettings, options: ReadOpsviewServerOptions = {}): Promise<OpsviewBsmLists> {
  const selfSigned = !options.fetch && settings.acceptSelfSigned ? createSelfSignedFetch() : null;
  const client = new OpsviewRestClient(settings, {
    fetch: options.fetch ?? selfSigned?.fetch ?? ((url, init) => fetch(url, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_OPSVIEW_IMPORT_TIMEOUT_MS,
  });
  try {
    const [components, services] = await Promise.all([client.getJson("/rest/config/bsmcomponent?rows=all"), client.getJson("/rest/config/bsmservice?rows=all")]);
    const bsmcomponent = listOf(components, "bsmcomponent");
    const bsmservice = listOf(services, "bsmservice");
    if (bsmcomponent === null || bsmservice === null) {
      throw new ValidationError({ server: 'Opsview REST: the BSM configuration answer has no "list"' });
    }
    return { bsmcomponent, bsmservice };
  } catch (error) {
    if (error instanceof SourceUnavailableError) throw new ValidationError({ server: error.message });
    throw error;
  } finally {
    await client.close();
    selfSigned?.close();
  }
}

/** What Settings → Import sends: the server's fields, or the uploaded file's text. */
export type OpsviewImportForm =
  | { source: "server"; baseUrl: string; username: string; password: string; acceptSelfSigned: boolean }
  | { source: "file"; fileText: string };

/** The form's values as the import's input; the file's text must be JSON (its shape is checked by readOpsviewFile). */
export function opsviewImportInputOfForm(form: unknown): unknown {
  if (!isRecord(form)) throw new ValidationError({ input: "choose an Opsview server or a file" });
  if (form.source === "file") {
    if (typeof form.fileText !== "string" || form.fileText.trim() === "") throw new ValidationError({ file: "choose a JSON file exported from Opsview" });
    try {
      return { file: JSON.parse(form.fileText) as unknown };
    } catch (error) {
      throw new ValidationError({ file: `the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (form.source === "server") {
    const { baseUrl, username, password, acceptSelfSigned } = form;
    return { server: { baseUrl, username, password, acceptSelfSigned } };
  }
  throw new ValidationError({ input: "choose an Opsview server or a file" });
}
