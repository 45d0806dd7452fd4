import { describe, expect, it } from "vitest";
import { newMethodFormValues, newProfileFormValues, profileToFormValues, type ProfileFormValues } from "./profile-form-values";
import { parseProfileInput } from "./profile-input";

function validForm(overrides: Partial<ProfileFormValues> = {}): ProfileFormValues {
  return {
    ...newProfileFormValues(),
    name: "Shop on call",
    businessServiceIds: [1],
    methods: [{ ...newMethodFormValues("command"), argv: "/usr/local/bin/page\n--urgent\n\n" }],
    ...overrides,
  };
}

describe("parseProfileInput", () => {
  it("turns the form's text into stored values: numbers, an argument vector, settings and variable names", () => {
    const result = parseProfileInput(
      validForm({
        availabilityThreshold: "99.5",
        renotifyMinutes: "30",
        alertFrom: "3",
        stopAlertAfter: "0",
        methods: [
          { kind: "command", argv: "notify_via_nagios\nnotify_by_pigeons \"loft 2\"", timeoutSeconds: "20", settings: "PRIORITY=high\nROOM = ops 1", contactVariables: "SLACK, PHONE" },
          { kind: "webhook", url: "https://hooks.example.test/bsm", headers: "Authorization: Bearer abc", timeoutSeconds: "5" },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: "Shop on call",
        availabilityThreshold: 99.5,
        renotifyMinutes: 30,
        alertFrom: 3,
        stopAlertAfter: 0,
        timePeriod: "24x7",
        methods: [
          { kind: "command", argv: ["notify_via_nagios", 'notify_by_pigeons "loft 2"'], timeoutSeconds: 20, settings: { PRIORITY: "high", ROOM: "ops 1" }, contactVariables: ["SLACK", "PHONE"] },
          { kind: "webhook", url: "https://hooks.example.test/bsm", headers: { Authorization: "Bearer abc" }, timeoutSeconds: 5 },
        ],
      }),
    });
  });

  it("accepts a custom weekly time period in a time zone", () => {
    const ranges = { sunday: "", monday: "09:00-12:00, 13:00-17:00", tuesday: "", wednesday: "", thursday: "", friday: "00:00-24:00", saturday: "" };
    const result = parseProfileInput(validForm({ timePeriod: { kind: "custom", timeZone: "Europe/London", ranges } }));
    expect(result.ok && result.value.timePeriod).toEqual({ timeZone: "Europe/London", ranges: { monday: ["09:00-12:00", "13:00-17:00"], friday: ["00:00-24:00"] } });
  });

  const emptyRanges = { sunday: "", monday: "", tuesday: "", wednesday: "", thursday: "", friday: "", saturday: "" };
  it.each<[string, Partial<ProfileFormValues>, string, string]>([
    ["an empty name", { name: "  " }, "name", "Enter a name"],
    ["no objects", { businessServiceIds: [], componentIds: [] }, "objects", "Choose at least one business service or component"],
    ["no triggers", { triggers: [] }, "triggers", "Choose at least one trigger"],
    ["no methods", { methods: [] }, "methods", "Add at least one notification method"],
    ["an empty interval (not 0)", { renotifyMinutes: "" }, "renotifyMinutes", "Enter minutes between 0 (never) and 10080"],
    ["a fractional interval", { renotifyMinutes: "2.5" }, "renotifyMinutes", "Enter minutes between 0 (never) and 10080"],
    ["alert from 0", { alertFrom: "0" }, "alertFrom", "Enter a whole number from 1"],
    ["a negative stop alert after", { stopAlertAfter: "-1" }, "stopAlertAfter", "Enter a whole number from 0 (no limit)"],
    ["a threshold above 100", { availabilityThreshold: "100.5" }, "availabilityThreshold", "Enter a percentage between 0 and 100"],
    ["a threshold that is not a number", { availabilityThreshold: "high" }, "availabilityThreshold", "Enter a percentage between 0 and 100"],
    ["an unknown time zone", { timePeriod: { kind: "custom", timeZone: "Mars/Olympus", ranges: emptyRanges } }, "timePeriod.timeZone", "Enter an IANA time zone such as Europe/London"],
    ["a range ending before it starts", { timePeriod: { kind: "custom", timeZone: "UTC", ranges: { ...emptyRanges, monday: "17:00-09:00" } } }, "timePeriod.ranges.monday", '"17:00-09:00" is not HH:MM-HH:MM with start before end'],
    ["a relative program", { methods: [{ ...newMethodFormValues("command"), argv: "page-me" }] }, "methods.0.argv", "The program must be an absolute path or notify_via_nagios"],
    ["an empty command", { methods: [{ ...newMethodFormValues("command"), argv: "\n \n" }] }, "methods.0.argv", "Enter the program, then one argument per line"],
    ["a command time limit of 0", { methods: [{ ...newMethodFormValues("command"), argv: "/bin/true", timeoutSeconds: "0" }] }, "methods.0.timeoutSeconds", "Enter a time limit between 1 and 300 seconds"],
    ["a setting without =", { methods: [{ ...newMethodFormValues("command"), argv: "/bin/true", settings: "PRIORITY" }] }, "methods.0.settings", '"PRIORITY" is not NAME=value (letters, digits and _ in the name)'],
    ["a bad contact variable name", { methods: [{ ...newMethodFormValues("command"), argv: "/bin/true", contactVariables: "SLACK-ID" }] }, "methods.0.contactVariables", '"SLACK-ID" is not a variable name (letters, digits and _)'],
    ["an e-mail without a server", { methods: [{ ...newMethodFormValues("email"), from: "bsm@example.test" }] }, "methods.0.host", "Enter the SMTP server"],
    ["an e-mail with a bad sender", { methods: [{ ...newMethodFormValues("email"), host: "smtp", from: "nobody" }] }, "methods.0.from", "Enter the sender's e-mail address"],
    ["an e-mail port out of range", { methods: [{ ...newMethodFormValues("email"), host: "smtp", from: "a@b.test", port: "70000" }] }, "methods.0.port", "Enter a port between 1 and 65535"],
    ["a webhook that is not http", { methods: [{ ...newMethodFormValues("webhook"), url: "ftp://example.test" }] }, "methods.0.url", "Enter an http:// or https:// URL"],
    ["a malformed header", { methods: [{ ...newMethodFormValues("webhook"), url: "http://x.test", headers: "no colon" }] }, "methods.0.headers", '"no colon" is not "Name: value"'],
    ["a burn window of 0 minutes", { triggers: ["burn"], burnRateWindows: [{ windowMinutes: "0", budgetPercent: "2" }] }, "burnRateWindows.0.windowMinutes", "Enter minutes between 1 and 43200"],
    ["a burn window longer than 30 days", { triggers: ["burn"], burnRateWindows: [{ windowMinutes: "43201", budgetPercent: "2" }] }, "burnRateWindows.0.windowMinutes", "Enter minutes between 1 and 43200"],
    ["a burn budget share of 0", { triggers: ["burn"], burnRateWindows: [{ windowMinutes: "60", budgetPercent: "0" }] }, "burnRateWindows.0.budgetPercent", "Enter a percentage above 0, at most 100"],
    ["a burn budget share above 100", { triggers: ["burn"], burnRateWindows: [{ windowMinutes: "60", budgetPercent: "101" }] }, "burnRateWindows.0.budgetPercent", "Enter a percentage above 0, at most 100"],
    ["five burn windows", { triggers: ["burn"], burnRateWindows: ["1", "2", "3", "4", "5"].map((windowMinutes) => ({ windowMinutes, budgetPercent: "2" })) }, "burnRateWindows", "At most 4 windows"],
    ["the same burn window twice", { triggers: ["burn"], burnRateWindows: [{ windowMinutes: "60", budgetPercent: "2" }, { windowMinutes: "60", budgetPercent: "5" }] }, "burnRateWindows.1.windowMinutes", "Each window length may appear once"],
    ["the burn trigger without windows", { triggers: ["burn"], burnRateWindows: [] }, "burnRateWindows", "Add at least one window"],
  ])("rejects %s with a message on the field", (_, overrides, path, message) => {
    const result = parseProfileInput(validForm(overrides));
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.fieldErrors[path]).toBe(message);
  });

  it("offers the default burn windows (2 % in 1 h, 5 % in 6 h) and stores the ones typed", () => {
    expect(newProfileFormValues().burnRateWindows).toEqual([
      { windowMinutes: "60", budgetPercent: "2" },
      { windowMinutes: "360", budgetPercent: "5" },
    ]);
    const result = parseProfileInput(validForm({ triggers: ["burn"], burnRateWindows: [{ windowMinutes: " 30 ", budgetPercent: "0.5" }] }));
    expect(result.ok && result.value.burnRateWindows).toEqual([{ windowMinutes: 30, budgetPercent: 0.5 }]);
  });

  it("round-trips a stored profile through the form's values", () => {
    const parsed = parseProfileInput(
      validForm({
        componentIds: [4],
        timePeriod: { kind: "custom", timeZone: "America/New_York", ranges: { ...emptyRanges, monday: "09:00-17:00" } },
        methods: [
          { kind: "command", argv: "/bin/page\n-u", timeoutSeconds: "10", settings: "A=1", contactVariables: "PHONE" },
          { kind: "email", host: "smtp.example.test", port: "587", secure: false, username: "bsm", password: "secret", from: "bsm@example.test", timeoutSeconds: "30" },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const formValues = profileToFormValues({ ...parsed.value, sharedWithRoleIds: [] });
    expect(formValues.methods[1]).toMatchObject({ kind: "email", password: "" });
    const again = parseProfileInput({ ...formValues, methods: [formValues.methods[0], { ...formValues.methods[1], password: "secret" }] });
    expect(again).toEqual(parsed);
  });
});
