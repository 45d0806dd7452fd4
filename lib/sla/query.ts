import { ValidationError } from "../errors/app-error";
import { isValidTimeZone } from "../notify/time-period";
import { REPORT_PERIODS, type ReportPeriod } from "./read";
import { SLA_OBJECT_TYPES, type SlaObjectType } from "./inputs";
import { parseIdSegment } from "../validation/fields";

/** The report's period from a query (?period=month|quarter&offset=0|-1&zone=…): 400 for anything else. */
export function parseReportQuery(params: URLSearchParams, defaultZone: string): { period: ReportPeriod; offset: number; timeZone: string } {
  const period = params.get("period") ?? "month";
  if (!(period in REPORT_PERIODS)) throw new ValidationError({ period: "period is month or quarter" });
  const offsetText = params.get("offset") ?? "0";
  if (offsetText !== "0" && offsetText !== "-1") throw new ValidationError({ offset: "offset is 0 (this period) or -1 (the previous one)" });
  const timeZone = params.get("zone") ?? defaultZone;
  if (!isValidTimeZone(timeZone)) throw new ValidationError({ zone: `Not a known time zone: ${timeZone}` });
  return { period: period as ReportPeriod, offset: Number(offsetText), timeZone };
}

/** Whether the caller asked for CSV (?format=csv or Accept: text/csv). */
export function wantsCsv(params: URLSearchParams, accept: string | null): boolean {
  const format = params.get("format");
  if (format !== null && format !== "csv" && format !== "json") throw new ValidationError({ format: "format is json or csv" });
  return format === "csv" || (format === null && (accept ?? "").split(",").some((part) => part.trim().startsWith("text/csv")));
}

/** ?objectType=BUSINESS_SERVICE|COMPONENT&objectId=… */
export function parseObjectQuery(params: URLSearchParams): { objectType: SlaObjectType; objectId: number } {
  const objectType = params.get("objectType");
  const objectId = parseIdSegment(params.get("objectId") ?? "");
  const problems: Record<string, string> = {};
  if (!SLA_OBJECT_TYPES.some((type) => type === objectType)) problems.objectType = "objectType is BUSINESS_SERVICE or COMPONENT";
  if (objectId === null) problems.objectId = "objectId is the object's id";
  if (Object.keys(problems).length > 0 || objectId === null) throw new ValidationError(problems);
  return { objectType: objectType as SlaObjectType, objectId };
}
