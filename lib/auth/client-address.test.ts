import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFromHeaders, parseTrustedProxies } from "./client-address";

const NONE = parseTrustedProxies("");
const PROXIES = parseTrustedProxies("10.0.0.5, 192.168.10.0/24, fd00::/8");

const headers = (peer: string | undefined, forwardedFor?: string) => ({
  ...(peer === undefined ? {} : { [CLIENT_ADDRESS_HEADER]: peer }),
  ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
});

describe("clientAddressFromHeaders", () => {
  it.each([
    ["the socket peer, without a forwarded header", headers("203.0.113.9"), NONE, "203.0.113.9"],
    ["the socket peer, ignoring X-Forwarded-For from an untrusted peer", headers("203.0.113.9", "1.2.3.4"), NONE, "203.0.113.9"],
    ["the socket peer, ignoring X-Forwarded-For when the peer is not a configured proxy", headers("203.0.113.9", "1.2.3.4"), PROXIES, "203.0.113.9"],
    ["an IPv4-mapped IPv6 peer as IPv4", headers("::ffff:127.0.0.2"), NONE, "127.0.0.2"],
    ["the forwarded client behind a trusted proxy", headers("10.0.0.5", "198.51.100.7"), PROXIES, "198.51.100.7"],
    ["the right-most untrusted address, not a forged left-most one", headers("10.0.0.5", "6.6.6.6, 198.51.100.7"), PROXIES, "198.51.100.7"],
    ["past a chain of trusted proxies", headers("10.0.0.5", "6.6.6.6, 198.51.100.7, 192.168.10.20"), PROXIES, "198.51.100.7"],
    ["a proxy in a trusted IPv6 range", headers("fd00::1", "2001:db8::5"), PROXIES, "2001:db8::5"],
    ["the left-most address when every hop is a trusted proxy", headers("10.0.0.5", "192.168.10.3, 192.168.10.4"), PROXIES, "192.168.10.3"],
    ["the trusted peer itself when it forwards nothing", headers("10.0.0.5"), PROXIES, "10.0.0.5"],
    ["the trusted peer when the forwarded header is empty", headers("10.0.0.5", " , "), PROXIES, "10.0.0.5"],
  ])("%s", (_, given, trusted, expected) => {
    expect(clientAddressFromHeaders(given, trusted)).toBe(expected);
  });

  it("without the server's peer header every request is one unknown client, whatever it forwards", () => {
    expect(clientAddressFromHeaders(headers(undefined, "1.2.3.4"), PROXIES)).toBe("unknown-client");
  });

  it("reads a Headers object as well as a plain record", () => {
    expect(clientAddressFromHeaders(new Headers(headers("10.0.0.5", "198.51.100.7")), PROXIES)).toBe("198.51.100.7");
  });
});

describe("parseTrustedProxies", () => {
  it.each([["127.0.0.1"], ["10.0.0.0/8, ::1"], ["  192.168.0.0/16 ,fd00::/8 "], [""]])("accepts %j", (value) => {
    expect(() => parseTrustedProxies(value)).not.toThrow();
  });

  it.each([["10.0.0.0/33"], ["localhost"], ["10.0.0.1,,10.0.0.2"], ["1.2.3"], ["::1/129"], ["10.0.0.0/x"]])("refuses %j, naming the bad entry", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/not an IP address or CIDR range/);
  });
});
