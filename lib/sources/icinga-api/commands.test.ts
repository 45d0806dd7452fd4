import { describe, expect, it } from "vitest";
import type { SourceCommand } from "../types";
import { icingaActionRequests, readIcingaActionAnswer } from "./commands";

const base: SourceCommand = { kind: "acknowledge", targets: [], comment: "on it", author: "Ada (ada@x)", sticky: false, expiresAt: null, startAt: null, endAt: null };

describe("Icinga 2 action requests", () => {
  it("acknowledges a host's failing services or one service, names in filter_vars only", () => {
    const requests = icingaActionRequests({ ...base, sticky: true, expiresAt: 1_700_000_000_999, targets: [{ host: 'we"b1' }, { host: "web2", check: "HTTP" }] });
    expect(requests).toEqual([
      {
        action: "acknowledge-problem",
        about: 'we"b1',
        body: { type: "Service", filter: "host.name == bsm_host && service.state != 0", filter_vars: { bsm_host: 'we"b1' }, author: "Ada (ada@x)", comment: "on it", sticky: true, notify: false, expiry: 1_700_000_000 },
      },
      {
        action: "acknowledge-problem",
        about: "HTTP on web2",
        body: { type: "Service", filter: "host.name == bsm_host && service.name == bsm_service", filter_vars: { bsm_host: "web2", bsm_service: "HTTP" }, author: "Ada (ada@x)", comment: "on it", sticky: true, notify: false, expiry: 1_700_000_000 },
      },
    ]);
    expect(icingaActionRequests({ ...base, targets: [{ host: "web1", check: "HTTP" }] })[0].body).not.toHaveProperty("expiry");
  });

  it("downtimes a host with all its services; removing a host's downtime removes the host's (if any) and its services'", () => {
    const [host] = icingaActionRequests({ ...base, kind: "downtime", startAt: 1_000_000, endAt: 4_600_000, targets: [{ host: "web1" }] });
    expect(host.body).toMatchObject({ type: "Host", all_services: true, fixed: true, start_time: 1000, end_time: 4600, author: "Ada (ada@x)" });
    const removal = icingaActionRequests({ ...base, kind: "remove-downtime", targets: [{ host: "web1" }] });
    expect(removal.map((request) => [request.action, request.body.type, request.optional ?? false])).toEqual([
      ["remove-downtime", "Host", true],
      ["remove-downtime", "Service", false],
    ]);
  });

  it("reads Icinga's answers: per-object results, a filter matching nothing, plain errors", () => {
    expect(readIcingaActionAnswer({ status: 200, text: JSON.stringify({ results: [{ code: 200, status: "Successfully acknowledged problem for object 'web1!HTTP'." }] }) })).toEqual({ ok: true, count: 1 });
    expect(readIcingaActionAnswer({ status: 404, text: JSON.stringify({ error: 404, status: "No objects found." }) })).toEqual({ ok: false, message: "No objects found.", noObjects: true });
    expect(readIcingaActionAnswer({ status: 409, text: JSON.stringify({ results: [{ code: 409, status: "Service web2!Load is OK." }, { code: 200, status: "fine" }] }) })).toEqual({
      ok: false,
      message: "Service web2!Load is OK.",
      noObjects: false,
    });
    expect(readIcingaActionAnswer({ status: 500, text: "<html>oops</html>" })).toEqual({ ok: false, message: "<html>oops</html>", noObjects: false });
  });
});
