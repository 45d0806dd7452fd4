import { describe, expect, it } from "vitest";

import {
  buildOpsviewEnvironment,
  describeSubObjects,
  formatLongDateTime,
  formatPercent,
  formatShortDateTime,
  htmlOfText,
  stripHtml,
  summariseSubObjects,
  toVariableName,
  type SubObjectStatus,
} from "./environment";
import { SHOP_CONTEXT } from "./test-support";

const SHOP = SHOP_CONTEXT;

describe("OPSVIEW environment", () => {
  it("sets every variable of docs/notification-rules.md §10", () => {
    expect(buildOpsviewEnvironment(SHOP)).toEqual({
      OPSVIEW_OBJECTTYPE: "BSMService",
      OPSVIEW_NAME: "Shop",
      OPSVIEW_ID: "shop",
      OPSVIEW_NOTES: "Call ops & check the runbook",
      OPSVIEW_TIMET: "1390201823",
      OPSVIEW_SHORTDATETIME: "2014-01-20T07:10:23",
      OPSVIEW_LONGDATETIME: "Mon Jan 20 07:10:23 GMT 2014",
      OPSVIEW_NOTIFICATIONTYPE: "PROBLEM",
      OPSVIEW_AVAILABILITY: "98.96",
      OPSVIEW_AVAILABILITY_THRESHOLD: "99.5",
      OPSVIEW_STATE: "OFFLINE",
      OPSVIEW_STATETEXT: "offline",
      OPSVIEW_NOTIFICATIONNUMBER: "2",
      OPSVIEW_OUTPUT:
        "PROBLEM: 2 of 3 components failed, 1 of 3 impacted: BSMService Shop is offline, 98.96% availability",
      OPSVIEW_DETAIL: "Web servers: FAILED\nDatabases: FAILED\nPayments: IMPACTED",
      OPSVIEW_CONTACTNAME: "alice",
      OPSVIEW_CONTACTEMAIL: "alice@example.test",
      OPSVIEW_CONTACTPAGER: "",
      OPSVIEW_CONTACT_PUSHOVER_KEY: "k1",
      OPSVIEW_CONTACT_MISSING: "",
      OPSVIEW_NM_URL: "https://example.test",
      OPSVIEW_NM_API_TOKEN: "t",
    });
  });

  it("leaves notes empty when the profile does not include notes", () => {
    expect(buildOpsviewEnvironment({ ...SHOP, includeNotes: false }).OPSVIEW_NOTES).toBe("");
  });

  it("uses the local time zone for the date-time variables", () => {
    const summer = { ...SHOP, notification: { ...SHOP.notification, at: "2014-07-04T07:10:23Z" } };
    expect(buildOpsviewEnvironment(summer)).toMatchObject({
      OPSVIEW_TIMET: "1404457823",
      OPSVIEW_SHORTDATETIME: "2014-07-04T08:10:23",
      OPSVIEW_LONGDATETIME: "Fri Jul  4 08:10:23 BST 2014",
    });
  });
});

describe("date-time formats", () => {
  it.each<[string, string, string, string]>([
    ["2014-01-20T07:10:23Z", "UTC", "2014-01-20T07:10:23", "Mon Jan 20 07:10:23 UTC 2014"],
    ["2026-03-29T00:59:59Z", "Europe/London", "2026-03-29T00:59:59", "Sun Mar 29 00:59:59 GMT 2026"],
    ["2026-03-29T01:00:00Z", "Europe/London", "2026-03-29T02:00:00", "Sun Mar 29 02:00:00 BST 2026"],
    ["2026-07-01T12:00:00Z", "America/New_York", "2026-07-01T08:00:00", "Wed Jul  1 08:00:00 EDT 2026"],
    ["2026-01-01T00:30:00Z", "Europe/Paris", "2026-01-01T01:30:00", "Thu Jan  1 01:30:00 CET 2026"],
    ["2025-12-31T23:30:00Z", "Asia/Kolkata", "2026-01-01T05:00:00", "Thu Jan  1 05:00:00 GMT+5:30 2026"],
  ])("%s in %s", (at, timeZone, short, long) => {
    expect(formatShortDateTime(new Date(at), timeZone)).toBe(short);
    expect(formatLongDateTime(new Date(at), timeZone)).toBe(long);
  });
});

describe("summary and detail", () => {
  it.each<[string, SubObjectStatus[], string]>([
    ["all operational", [{ name: "a", state: "OPERATIONAL" }], "All components operational"],
    ["none", [], "No components"],
    [
      "failed and downtime",
      [
        { name: "a", state: "FAILED" },
        { name: "b", state: "DOWNTIME" },
        { name: "c", state: "OPERATIONAL" },
      ],
      "1 of 3 components failed, 1 of 3 in downtime",
    ],
  ])("a business service with %s", (_name, subObjects, summary) => {
    expect(summariseSubObjects("BSMService", subObjects)).toBe(summary);
  });

  it("a component summarises its hosts", () => {
    const hosts: SubObjectStatus[] = [
      { name: "web1", state: "FAILED" },
      { name: "web2", state: "OPERATIONAL" },
      { name: "web3", state: "OPERATIONAL" },
    ];
    expect(summariseSubObjects("BSMComponent", hosts)).toBe("1 of 3 hosts failed");
    expect(summariseSubObjects("BSMComponent", hosts.slice(1))).toBe("All hosts operational");
    expect(describeSubObjects(hosts)).toBe("web1: FAILED\nweb2: OPERATIONAL\nweb3: OPERATIONAL");
  });
});

describe("helpers", () => {
  it.each<[string, string]>([
    ["plain text", "plain text"],
    ["<div>Line one<br>Line&nbsp;two</div><p></p><p>Three &lt;3&gt; &#169; &#x41;</p>", "Line one\nLine two\n\nThree <3> © A"],
    ["<script>alert(1)</script><style>p{}</style>Safe", "Safe"],
    ["  <ul><li>a</li><li>b</li></ul>  ", "a\nb"],
  ])("stripHtml(%j)", (html, text) => {
    expect(stripHtml(html)).toBe(text);
  });

  it("plain-text notes survive the HTML notes contract: <, > and & come back as typed", () => {
    const notes = "Call <on call> & check a < b\n<script>x</script> &amp; stays";
    expect(stripHtml(htmlOfText(notes))).toBe(notes);
  });

  it.each<[number, string]>([
    [100, "100"],
    [99.5, "99.5"],
    [98.956, "98.96"],
    [0, "0"],
  ])("formatPercent(%d) is %s", (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it("turns names into variable names", () => {
    expect(toVariableName("api-token.v2")).toBe("API_TOKEN_V2");
  });
});
