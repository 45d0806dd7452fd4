// Rules: docs/notification-rules.md §10 (the OPSVIEW_* environment).
import { describeStateWord } from "./decide";
import { toLocalTime } from "./time-period";
import type { NotificationDecision, ObjectState, ObjectType, StateWord } from "./types";

/** A component of a business service, or a host of a component. */
export interface SubObjectStatus {
  name: string;
  state: ObjectState;
  impacted?: boolean;
}

export interface NotifiedObject {
  type: ObjectType;
  id: string;
  name: string;
  /** May contain HTML. */
  notes: string | null;
  subObjects: readonly SubObjectStatus[];
}

export interface Contact {
  /** The profile owner's username. */
  name: string;
  email: string | null;
  pager: string | null;
  /** Name/value pairs from the contact's configuration page. */
  variables: Readonly<Record<string, string>>;
}

export interface MethodVariables {
  /** Contact variables the method declares it needs, exported as OPSVIEW_CONTACT_{NAME}. */
  contactVariables: readonly string[];
  /** The method's own settings, exported as OPSVIEW_NM_{NAME}. */
  settings: Readonly<Record<string, string>>;
}

export type NotificationFacts = Pick<NotificationDecision, "at" | "type" | "state" | "number" | "availability">;

export interface NotificationContext {
  object: NotifiedObject;
  notification: NotificationFacts;
  availabilityThreshold: number;
  includeNotes: boolean;
  contact: Contact;
  method: MethodVariables;
  /** IANA time zone for the local date-time variables (the server's zone). */
  timeZone: string;
}

export type OpsviewEnvironment = Record<string, string>;

const STATE_TEXT: Record<StateWord, string> = {
  OPERATIONAL: "operational",
  IMPACTED: "impacted",
  DOWNTIME: "in downtime",
  OFFLINE: "offline",
  FAILED: "failed",
};

const DAY_ABBREVIATIONS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Human text for a state word; may be translated one day, so scripts should not match on it. */
export function describeStateText(state: StateWord): string {
  return STATE_TEXT[state];
}

/** Percentages with at most two decimals and no % sign: 100, 99.5, 98.96. */
export function formatPercent(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Plain text as an HTML fragment that stripHtml reads back as the same words (the notes contract is HTML). */
export function htmlOfText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text of an HTML fragment: tags removed, block ends as line breaks, entities decoded. */
export function stripHtml(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line, index, lines) => line !== "" || (index > 0 && lines[index - 1] !== ""))
    .join("\n")
    .trim();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** `2014-01-20T07:10:23` in the given time zone. */
export function formatShortDateTime(at: Date, timeZone: string): string {
  const local = toLocalTime(at, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

function isOffsetName(name: string): boolean {
  return /^GMT[+-]/.test(name);
}

/** A zone abbreviation such as GMT, BST, CET or EST; a `GMT+5:30` style offset when none exists. */
export function describeTimeZoneName(at: Date, timeZone: string): string {
  const names = ["en-US", "en-GB"].map(
    (locale) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(at)
        .find((part) => part.type === "timeZoneName")?.value ?? "",
  );
  return names.find((name) => name !== "" && !isOffsetName(name)) ?? names[0];
}

/** `Mon Jan 20 07:10:23 GMT 2014`, like date(1) (the day of month space-padded). */
export function formatLongDateTime(at: Date, timeZone: string): string {
  const local = toLocalTime(at, timeZone);
  const weekday = DAY_ABBREVIATIONS[new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()];
  const month = MONTH_ABBREVIATIONS[local.month - 1];
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
  return `${weekday} ${month} ${String(local.day).padStart(2, " ")} ${time} ${describeTimeZoneName(at, timeZone)} ${local.year}`;
}

function describeSubObjectKind(type: ObjectType): string {
  return type === "BSMService" ? "components" : "hosts";
}

/** `All components operational`, `2 of 3 components failed, 1 of 3 impacted`, … */
export function summariseSubObjects(type: ObjectType, subObjects: readonly SubObjectStatus[]): string {
  const kind = describeSubObjectKind(type);
  const total = subObjects.length;
  if (total === 0) return `No ${kind}`;
  const count = (test: (subObject: SubObjectStatus) => boolean) => subObjects.filter(test).length;
  const problems = [
    { number: count((subObject) => subObject.state === "FAILED"), text: "failed" },
    { number: count((subObject) => subObject.state === "DOWNTIME"), text: "in downtime" },
    { number: count((subObject) => subObject.state !== "FAILED" && subObject.impacted === true), text: "impacted" },
  ].filter((problem) => problem.number > 0);
  if (problems.length === 0) return `All ${kind} operational`;
  return problems
    .map(({ number, text }, index) => `${number} of ${total}${index === 0 ? ` ${kind}` : ""} ${text}`)
    .join(", ");
}

/** One line per sub-object: `Web servers: FAILED`. */
export function describeSubObjects(subObjects: readonly SubObjectStatus[]): string {
  return subObjects
    .map((subObject) => `${subObject.name}: ${describeStateWord({ state: subObject.state, impacted: subObject.impacted ?? false })}`)
    .join("\n");
}

/** Upper case, anything but letters, digits and `_` turned into `_`. */
export function toVariableName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

/** The OPSVIEW_OUTPUT line. */
export function formatOutputLine(context: NotificationContext): string {
  const { object, notification } = context;
  const summary = summariseSubObjects(object.type, object.subObjects);
  return `${notification.type}: ${summary}: ${object.type} ${object.name} is ${describeStateText(notification.state)}, ${formatPercent(notification.availability)}% availability`;
}

/** Every OPSVIEW_* variable a method runs with. */
export function buildOpsviewEnvironment(context: NotificationContext): OpsviewEnvironment {
  const { object, notification, contact, method, timeZone } = context;
  const at = new Date(notification.at);
  const environment: OpsviewEnvironment = {
    OPSVIEW_OBJECTTYPE: object.type,
    OPSVIEW_NAME: object.name,
    OPSVIEW_ID: object.id,
    OPSVIEW_NOTES: context.includeNotes && object.notes ? stripHtml(object.notes) : "",
    OPSVIEW_TIMET: String(Math.floor(at.getTime() / 1000)),
    OPSVIEW_SHORTDATETIME: formatShortDateTime(at, timeZone),
    OPSVIEW_LONGDATETIME: formatLongDateTime(at, timeZone),
    OPSVIEW_NOTIFICATIONTYPE: notification.type,
    OPSVIEW_AVAILABILITY: formatPercent(notification.availability),
    OPSVIEW_AVAILABILITY_THRESHOLD: formatPercent(context.availabilityThreshold),
    OPSVIEW_STATE: notification.state,
    OPSVIEW_STATETEXT: describeStateText(notification.state),
    OPSVIEW_NOTIFICATIONNUMBER: String(notification.number),
    OPSVIEW_OUTPUT: formatOutputLine(context),
    OPSVIEW_DETAIL: describeSubObjects(object.subObjects),
    OPSVIEW_CONTACTNAME: contact.name,
    OPSVIEW_CONTACTEMAIL: contact.email ?? "",
    OPSVIEW_CONTACTPAGER: contact.pager ?? "",
  };
  for (const name of method.contactVariables) {
    environment[`OPSVIEW_CONTACT_${toVariableName(name)}`] = contact.variables[name] ?? "";
  }
  for (const [name, value] of Object.entries(method.settings)) {
    environment[`OPSVIEW_NM_${toVariableName(name)}`] = value;
  }
  return environment;
}
