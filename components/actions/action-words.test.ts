import { describe, expect, it } from "vitest";
import { covers, describeStatus, describeTarget, describeTargets, isUnsettled } from "./action-words";

describe("source actions in words", () => {
  it("names a check on its host, and a host alone by what the kind does to it", () => {
    expect(describeTarget("acknowledge", { host: "web-eu-01", check: "CPU" })).toBe("CPU on web-eu-01");
    expect(describeTarget("acknowledge", { host: "web-eu-01" })).toBe("web-eu-01 (its failing checks)");
    expect(describeTarget("downtime", { host: "web-eu-01" })).toBe("web-eu-01 and all its checks");
  });

  it("lists the first three targets, then how many more", () => {
    const hosts = ["a", "b", "c", "d", "e"].map((host) => ({ host }));
    expect(describeTargets("downtime", hosts.slice(0, 3))).toBe("a and all its checks, b and all its checks, c and all its checks");
    expect(describeTargets("downtime", hosts)).toBe("a and all its checks, b and all its checks, c and all its checks and 2 more");
  });

  it("is pending until the source confirms or refuses, and says the source's reason for a failure", () => {
    expect(isUnsettled("pending")).toBe(true);
    expect(isUnsettled("sent")).toBe(true);
    expect(isUnsettled("confirmed")).toBe(false);
    expect(isUnsettled("failed")).toBe(false);
    expect(describeStatus({ status: "sent", message: null })).toMatch(/^Pending…/);
    expect(describeStatus({ status: "confirmed", message: null })).toBe("Confirmed by the source");
    expect(describeStatus({ status: "failed", message: "Host not found" })).toBe("Failed: Host not found");
    expect(describeStatus({ status: "failed", message: null })).toBe("Failed: the source did not say why");
  });

  it("a host-wide action covers each check of the host, a check action only its check", () => {
    expect(covers({ targets: [{ host: "h" }] }, { host: "h", check: "CPU" })).toBe(true);
    expect(covers({ targets: [{ host: "h", check: "CPU" }] }, { host: "h", check: "CPU" })).toBe(true);
    expect(covers({ targets: [{ host: "h", check: "CPU" }] }, { host: "h", check: "Disk" })).toBe(false);
    expect(covers({ targets: [{ host: "h", check: "CPU" }] }, { host: "h" })).toBe(false);
    expect(covers({ targets: [{ host: "g" }] }, { host: "h" })).toBe(false);
  });
});
