import { ValidationError } from "../../errors/app-error";
import { parseTravelMoment } from "../../status/history-range";

/** The optional ?at= of the status resources (ISO 8601 or epoch seconds, not in the future); undefined for live. */
export function parseAtParam(url: URL, now = Date.now()): number | undefined {
  const text = url.searchParams.get("at");
  if (text === null) return undefined;
  const parsed = parseTravelMoment(text, now);
  if (!parsed.ok) throw new ValidationError(`at: ${parsed.message}`);
  return parsed.at;
}
