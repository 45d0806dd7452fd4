import { describe, expect, it } from "vitest";

import {
  DEFAULT_OUTBOUND_POLICY,
  formatIpAddress,
  judgeAddress,
  judgeHostName,
  parseIpAddress,
  parseOutboundPolicy,
  readOutboundPolicy,
} from "./outbound-policy";

describe("the default outbound policy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "link-local (the cloud metadata address)"],
    ["169.254.1.1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd00:ec2::254", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local (the cloud metadata address)"],
    ["::ffff:10.0.0.1", "private"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:c0a8:0101::1", "private"],
    ["[::1]", "loopback"],
  ])("refuses %s as %s", (address, kind) => {
    const verdict = judgeAddress(DEFAULT_OUTBOUND_POLICY, address);
    expect(verdict).toMatchObject({ allowed: false });
    expect(verdict.allowed ? "" : verdict.reason).toMatch(new RegExp(` is ${kind.replace(/[()]/g, "\\$&")}$`));
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.255.255", "2606:4700::1111", "::ffff:8.8.8.8", "fbff::1", "fec0::1".replace("fec0", "fe7f")])(
    "allows the public address %s",
    (address) => {
      expect(judgeAddress(DEFAULT_OUTBOUND_POLICY, address)).toEqual({ allowed: true });
    },
  );

  it.each(["", "127.1", "0x7f.0.0.1", "2130706433", "010.0.0.1", "256.0.0.1", "1.2.3", "::g", "1::2::3", "1:2:3:4:5:6:7:8:9"])(
    "refuses %j, which is no canonical address",
    (address) => {
      expect(judgeAddress(DEFAULT_OUTBOUND_POLICY, address)).toEqual({ allowed: false, reason: `${address} is not an IP address` });
    },
  );

  it("names the address in the reason", () => {
    expect(judgeAddress(DEFAULT_OUTBOUND_POLICY, "127.0.0.1")).toEqual({ allowed: false, reason: "127.0.0.1 is loopback" });
    expect(judgeAddress(DEFAULT_OUTBOUND_POLICY, "::ffff:127.0.0.1")).toEqual({ allowed: false, reason: "::ffff:7f00:1 is loopback" });
  });
});

describe("allow and deny entries", () => {
  const policy = parseOutboundPolicy({
    allow: ["127.0.0.1/32", "10.20.0.0/16", "fd12:3456::/32", "hooks.internal.example", "192.168.5.5"],
    deny: ["10.20.30.0/24", "8.8.4.4", "2606:4700::/32", "blocked.example.com", "::ffff:9.9.9.0/120"],
  });

  it.each([
    ["127.0.0.1", null, true],
    ["::ffff:127.0.0.1", null, true],
    ["127.0.0.2", null, false],
    ["10.20.1.1", null, true],
    ["10.20.30.40", null, false],
    ["10.21.0.1", null, false],
    ["fd12:3456:1::1", null, true],
    ["fd12:3457::1", null, false],
    ["192.168.5.5", null, true],
    ["192.168.5.6", null, false],
    ["8.8.4.4", null, false],
    ["8.8.8.8", null, true],
    ["9.9.9.9", null, false],
    ["::ffff:9.9.9.9", null, false],
    ["2606:4700::1111", null, false],
    ["10.9.9.9", "hooks.internal.example", true],
    ["10.9.9.9", "HOOKS.internal.example.", true],
    ["10.9.9.9", "other.internal.example", false],
    ["8.8.8.8", "blocked.example.com", false],
  ])("%s (resolved from %s) allowed: %s", (address, hostName, allowed) => {
    expect(judgeAddress(policy, address, hostName).allowed).toBe(allowed);
  });

  it("an explicit deny entry wins over an allow entry and is named", () => {
    expect(judgeAddress(policy, "10.20.30.40")).toEqual({ allowed: false, reason: "10.20.30.40 is denied by the entry 10.20.30.0/24" });
    expect(judgeHostName(policy, "Blocked.example.com")).toEqual({ allowed: false, reason: "blocked.example.com is denied by the entry blocked.example.com" });
    expect(judgeHostName(policy, "hooks.internal.example")).toEqual({ allowed: true });
  });
});

describe("reading the administrator's entries", () => {
  it.each([
    ["10.0.0.1/33", '"10.0.0.1/33" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["10.0.0.1/8", '"10.0.0.1/8" has bits set after the prefix length; write the network address (such as 10.0.0.0/8)'],
    ["::1/129", '"::1/129" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["exa%mple", '"exa%mple" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["under_score.example", '"under_score.example" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["127.1", '"127.1" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["0x7f000001", '"0x7f000001" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
    ["host/24", '"host/24" is not an IP address, a CIDR range (10.0.0.0/8) or a host name'],
  ])("refuses %j", (entry, message) => {
    const parsed = readOutboundPolicy({ allow: entry.split(" "), deny: [] });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.fieldErrors.allow).toContain(message);
  });

  it("reports each list's first bad entry under its own field", () => {
    expect(readOutboundPolicy({ allow: ["10.0.0.0/8", "nope!"], deny: ["1.2.3.4/40"] })).toEqual({
      ok: false,
      fieldErrors: {
        allow: '"nope!" is not an IP address, a CIDR range (10.0.0.0/8) or a host name',
        deny: '"1.2.3.4/40" is not an IP address, a CIDR range (10.0.0.0/8) or a host name',
      },
    });
  });

  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:127.0.0.1", "::ffff:7f00:1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["fe80:0:0:0:0:0:0:1", "fe80::1"],
  ])("writes %s as %s", (text, shown) => {
    const address = parseIpAddress(text);
    expect(address && formatIpAddress(address)).toBe(shown);
  });
});
