import { DEFAULT_BURN_RATE_WINDOWS } from "../burn-rate";
import { WEEKDAYS, type BurnRateWindow, type TimePeriod, type Trigger, type Weekday } from "../types";
import type { StoredMethod } from "./profile-input";

// The profile form's values as typed (text for numbers and lists); parseProfileInput checks them.

export type MethodFormValues =
  | { kind: "command"; argv: string; timeoutSeconds: string; settings: string; contactVariables: string }
  | { kind: "email"; host: string; port: string; secure: boolean; username: string; password: string; from: string; timeoutSeconds: string }
  | { kind: "webhook"; url: string; headers: string; timeoutSeconds: string };

export type TimePeriodFormValues =
  | { kind: "24x7" | "workhours" }
  | { kind: "custom"; timeZone: string; ranges: Record<Weekday, string> };

export interface ProfileFormValues {
  name: string;
  shared: boolean;
  sharedWithRoleIds: number[];
  businessServiceIds: number[];
  componentIds: number[];
  triggers: Trigger[];
  availabilityThreshold: string;
  sendRecovery: boolean;
  renotifyMinutes: string;
  alertFrom: string;
  stopAlertAfter: string;
  timePeriod: TimePeriodFormValues;
  includeNotes: boolean;
  methods: MethodFormValues[];
  burnRateWindows: BurnRateWindowFormValues[];
}

export interface BurnRateWindowFormValues {
  windowMinutes: string;
  budgetPercent: string;
}

function burnRateWindowsToFormValues(windows: readonly BurnRateWindow[] | null): BurnRateWindowFormValues[] {
  return (windows ?? DEFAULT_BURN_RATE_WINDOWS).map((window) => ({ windowMinutes: String(window.windowMinutes), budgetPercent: String(window.budgetPercent) }));
}

export function emptyRanges(): Record<Weekday, string> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, ""])) as Record<Weekday, string>;
}

const NEW_METHODS: { [K in MethodFormValues["kind"]]: Extract<MethodFormValues, { kind: K }> } = {
  command: { kind: "command", argv: "", timeoutSeconds: "30", settings: "", contactVariables: "" },
  email: { kind: "email", host: "", port: "25", secure: false, username: "", password: "", from: "", timeoutSeconds: "30" },
  webhook: { kind: "webhook", url: "", headers: "", timeoutSeconds: "10" },
};

export function newMethodFormValues<K extends MethodFormValues["kind"]>(kind: K): Extract<MethodFormValues, { kind: K }> {
  return { ...NEW_METHODS[kind] };
}

export function newProfileFormValues(): ProfileFormValues {
  return {
    name: "",
    shared: false,
    sharedWithRoleIds: [],
    businessServiceIds: [],
    componentIds: [],
    triggers: ["offline", "failed"],
    availabilityThreshold: "99",
    sendRecovery: true,
    renotifyMinutes: "0",
    alertFrom: "1",
    stopAlertAfter: "0",
    timePeriod: { kind: "24x7" },
    includeNotes: true,
    methods: [],
    burnRateWindows: burnRateWindowsToFormValues(null),
  };
}

function methodToFormValues(method: StoredMethod): MethodFormValues {
  switch (method.kind) {
    case "command":
      return {
        kind: "command",
        argv: method.argv.join("\n"),
        timeoutSeconds: String(method.timeoutSeconds),
        settings: Object.entries(method.settings)
          .map(([name, value]) => `${name}=${value}`)
          .join("\n"),
        contactVariables: method.contactVariables.join(", "),
      };
    case "email":
      // The password never goes back to the browser; left empty, the stored one is kept.
      return { ...method, password: "", port: String(method.port), timeoutSeconds: String(method.timeoutSeconds) };
    case "webhook":
      return {
        kind: "webhook",
        url: method.url,
        headers: Object.entries(method.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join("\n"),
        timeoutSeconds: String(method.timeoutSeconds),
      };
  }
}

function timePeriodToFormValues(period: TimePeriod): TimePeriodFormValues {
  if (period === "24x7" || period === "workhours") return { kind: period };
  if (period === "none") return { kind: "custom", timeZone: "UTC", ranges: emptyRanges() };
  const ranges = emptyRanges();
  for (const day of WEEKDAYS) ranges[day] = (period.ranges[day] ?? []).join(", ");
  return { kind: "custom", timeZone: period.timeZone, ranges };
}

export interface StoredProfileFields {
  name: string;
  shared: boolean;
  sharedWithRoleIds: number[];
  businessServiceIds: number[];
  componentIds: number[];
  triggers: Trigger[];
  availabilityThreshold: number;
  sendRecovery: boolean;
  renotifyMinutes: number;
  alertFrom: number;
  stopAlertAfter: number;
  timePeriod: TimePeriod;
  includeNotes: boolean;
  methods: StoredMethod[];
  /** null: DEFAULT_BURN_RATE_WINDOWS. */
  burnRateWindows: BurnRateWindow[] | null;
}

export function profileToFormValues(profile: StoredProfileFields): ProfileFormValues {
  return {
    ...profile,
    availabilityThreshold: String(profile.availabilityThreshold),
    renotifyMinutes: String(profile.renotifyMinutes),
    alertFrom: String(profile.alertFrom),
    stopAlertAfter: String(profile.stopAlertAfter),
    timePeriod: timePeriodToFormValues(profile.timePeriod),
    methods: profile.methods.map(methodToFormValues),
    burnRateWindows: burnRateWindowsToFormValues(profile.burnRateWindows),
  };
}
