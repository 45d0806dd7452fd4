import { describe, expect, it } from "vitest";
import type { SourceCommand } from "../types";
import { opsviewCommandRequests, opsviewNameProblem, readOpsviewAnswer } from "./commands";

const base: SourceCommand = { kind: "downtime", targets: [{ host: "web 1", check: "Disk /" }], comment: "c", author: "Ada (a@x)", sticky: false, expiresAt: null, startAt: 1_000_500, endAt: 4_600_000 };

describe("Opsview REST commands", () => {
  it("chooses a check by svc.hostname and svc.servicename (URL-encoded), times in epoch seconds", () => {
    expect(opsviewCommandRequests(base)).toEqual([
      { method: "POST", path: "/rest/downtime?svc.hostname=web+1&svc.servicename=Disk+%2F", body: { starttime: "1000", endtime: "4600", comment: "c (by Ada (a@x) through BSM Dashboard)" }, about: "Disk / on web 1" },
    ]);
    expect(opsviewCommandRequests({ ...base, kind: "remove-acknowledgement", targets: [{ host: "web1" }] })).toEqual([{ method: "DELETE", path: "/rest/acknowledge?svc.hostname=web1", about: "web1" }]);
  });

  it("refuses names with Opsview's wildcard, and reads its answers", () => {
    expect(opsviewNameProblem({ ...base, targets: [{ host: "web%" }] })).toMatch(/wildcard/);
    expect(opsviewNameProblem(base)).toBeNull();
    expect(readOpsviewAnswer({ status: 200, text: '{"summary":{"num_hosts":"1","num_services":"3"},"list":{}}' })).toEqual({ ok: true, hosts: 1, services: 3 });
    expect(readOpsviewAnswer({ status: 400, text: '{"message":"Error validating downtime parameters.","detail":"starttime is invalid"}' })).toEqual({
      ok: false,
      message: "Error validating downtime parameters. (starttime is invalid)",
    });
    expect(readOpsviewAnswer({ status: 502, text: "<html>" })).toEqual({ ok: false, message: "HTTP 502" });
  });
});
