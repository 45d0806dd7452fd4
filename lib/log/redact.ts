/**
 * Field names whose values never reach a log line, at any depth: passwords (any key containing
 * "password" or "passwd"), tokens, secrets, keys, authorization headers and cookies. pino's own
 * `redact` takes exact paths only (one wildcard level), hence a key pattern.
 */
const SECRET_KEY = /pass(word|wd)|token|secret|authorization|cookie|api[-_]?key|private[-_]?key|credential/i;
export const REDACTED = "[redacted]";
/** The obvious keys, for pino's `redact` (which also covers child bindings). */
export const REDACTED_PATHS = ["password", "token", "sessionToken", "secret", "authorization", "cookie", "apiKey", "headers.authorization", "headers.cookie"];
const MAX_DEPTH = 8;

/** The fields with every secret-named value replaced by "[redacted]" and credentials cut out of URLs in text. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0);
}

function redactObject(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) result[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(value, depth + 1);
  return result;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  // Errors go to pino's err serializer (redacted there); dates and other class instances stay as they are.
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return redactObject(value as Record<string, unknown>, depth);
}

/** Text with the password of every URL (scheme://user:password@host) replaced by "***". */
export function redactText(text: string): string {
  return text.includes("@") ? text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, "$1***@") : text;
}
