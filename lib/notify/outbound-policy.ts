// Which network addresses notification methods (webhooks, SMTP) may connect to. Pure: no DNS, no
// sockets; lib/notify/methods/outbound-target.ts resolves host names and asks this module about
// every address. By default addresses inside the server's own networks are refused, so a profile
// cannot turn the server against them; an administrator allows an internal receiver explicitly.

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** The address as a number: 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

export type OutboundEntry =
  | { kind: "network"; text: string; family: IpFamily; base: bigint; prefix: number }
  | { kind: "host"; text: string; name: string };

export interface OutboundPolicy {
  allow: readonly OutboundEntry[];
  deny: readonly OutboundEntry[];
}

/** Nothing allowed beyond the public internet, nothing extra denied. */
export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = { allow: [], deny: [] };

export type OutboundVerdict = { allowed: true } | { allowed: false; reason: string };

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // Canonical decimal only: "010" would be octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  let body = text;
  const groups: number[] = [];
  const lastColon = body.lastIndexOf(":");
  const tail = body.slice(lastColon + 1);
  let embedded: bigint | null = null;
  if (tail.includes(".")) {
    embedded = parseIpv4(tail);
    if (embedded === null) return null;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const readGroups = (half: string): number[] | null => {
    if (half === "") return [];
    const result: number[] = [];
    for (const group of half.split(":")) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
      result.push(parseInt(group, 16));
    }
    return result;
  };
  const head = readGroups(halves[0]);
  const rest = halves.length === 2 ? readGroups(halves[1]) : [];
  if (head === null || rest === null) return null;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups.push(...head, ...new Array<number>(missing).fill(0), ...rest);
  } else {
    groups.push(...head);
  }
  if (groups.length !== 8) return null;
  let value = groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
  if (embedded !== null) value = (value & ~0xffffffffn) | embedded;
  return value;
}

/** Parses a literal IPv4 (dotted decimal) or IPv6 address, with or without [brackets] and a %zone. */
export function parseIpAddress(text: string): IpAddress | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (bare.includes(":")) {
    const value = parseIpv6(bare.replace(/%.*$/, ""));
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(bare);
  return value === null ? null : { family: 4, value };
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BITS[family];
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

function inNetwork(address: IpAddress, family: IpFamily, base: bigint, prefix: number): boolean {
  return address.family === family && (address.value & mask(family, prefix)) === base;
}

/**
 * The IPv4 address an IPv6 one stands for when connecting to it reaches an IPv4 host:
 * IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d.
 */
export function unwrapIpv4(address: IpAddress): IpAddress {
  if (address.family === 4) return address;
  const high = address.value >> 32n;
  const low = address.value & 0xffffffffn;
  if (high === 0xffffn || (high === 0n && low > 1n)) return { family: 4, value: low };
  return address;
}

export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join(".");
  }
  const groups = Array.from({ length: 8 }, (_, index) => Number((address.value >> BigInt(112 - index * 16)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

interface Category {
  family: IpFamily;
  base: bigint;
  prefix: number;
  name: string;
}

function category(cidr: string, name: string): Category {
  const [address, prefix] = cidr.split("/");
  const parsed = parseIpAddress(address);
  if (!parsed) throw new Error(`bad built-in range ${cidr}`);
  return { family: parsed.family, base: parsed.value, prefix: Number(prefix), name };
}

/** Refused unless allowed; the first match names the reason, so narrower ranges come first. */
const DENIED_BY_DEFAULT: readonly Category[] = [
  category("169.254.169.254/32", "link-local (the cloud metadata address)"),
  category("0.0.0.0/8", "unspecified"),
  category("127.0.0.0/8", "loopback"),
  category("10.0.0.0/8", "private"),
  category("172.16.0.0/12", "private"),
  category("192.168.0.0/16", "private"),
  category("169.254.0.0/16", "link-local"),
  category("100.64.0.0/10", "carrier-grade NAT"),
  category("192.0.0.0/24", "reserved"),
  category("224.0.0.0/4", "multicast"),
  category("240.0.0.0/4", "reserved"),
  category("::/128", "unspecified"),
  category("::1/128", "loopback"),
  category("fc00::/7", "private"),
  category("fec0::/10", "private"),
  category("fe80::/10", "link-local"),
  category("ff00::/8", "multicast"),
];

/** IPv6 ranges that carry an IPv4 address a gateway may forward to: NAT64 and 6to4. */
function embeddedIpv4(address: IpAddress): IpAddress | null {
  if (address.family !== 6) return null;
  if (inNetwork(address, 6, category("64:ff9b::/96", "").base, 96)) return { family: 4, value: address.value & 0xffffffffn };
  if (inNetwork(address, 6, category("2002::/16", "").base, 16)) return { family: 4, value: (address.value >> 80n) & 0xffffffffn };
  return null;
}

/** Why an address is refused unless allowed ("loopback", "private"…), or null for a public address. */
export function classifyAddress(address: IpAddress): string | null {
  const direct = unwrapIpv4(address);
  const match = DENIED_BY_DEFAULT.find((range) => inNetwork(direct, range.family, range.base, range.prefix));
  if (match) return match.name;
  const inner = embeddedIpv4(direct);
  return inner ? classifyAddress(inner) : null;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A host name as compared: lower case, without a final dot. */
export function normaliseHostName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/** One allow or deny entry: an address, a CIDR range or a host name; null with a message when it is none. */
export function parseOutboundEntry(raw: string): { ok: true; entry: OutboundEntry } | { ok: false; message: string } {
  const text = raw.trim();
  const bad = { ok: false as const, message: `"${text}" is not an IP address, a CIDR range (10.0.0.0/8) or a host name` };
  const slash = text.indexOf("/");
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIpAddress(addressText);
  if (address) {
    const bits = BITS[address.family];
    const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return bad;
    let prefix = Number(prefixText);
    if ((address.value & ~mask(address.family, prefix)) !== 0n) {
      return { ok: false, message: `"${text}" has bits set after the prefix length; write the network address (such as 10.0.0.0/8)` };
    }
    let network: IpAddress = address;
    // An IPv4-mapped range means the IPv4 addresses it maps.
    if (address.family === 6 && prefix >= 96 && address.value >> 32n === 0xffffn) {
      network = { family: 4, value: address.value & 0xffffffffn };
      prefix -= 96;
    }
    return { ok: true, entry: { kind: "network", text, family: network.family, base: network.value, prefix } };
  }
  if (slash >= 0) return bad;
  const name = normaliseHostName(text);
  if (!HOST_NAME.test(name) || /^[\d.]+$/.test(name) || /^0x/i.test(name)) return bad;
  return { ok: true, entry: { kind: "host", text, name } };
}

export interface OutboundPolicyText {
  allow: readonly string[];
  deny: readonly string[];
}

export type ParsedOutboundPolicy = { ok: true; policy: OutboundPolicy } | { ok: false; fieldErrors: { allow?: string; deny?: string } };

/** Entries are split on lines, commas and spaces; empty ones are ignored. */
export function splitOutboundEntries(text: string): string[] {
  return text.split(/[\s,]+/).filter((entry) => entry !== "");
}

export function readOutboundPolicy(text: OutboundPolicyText): ParsedOutboundPolicy {
  const fieldErrors: { allow?: string; deny?: string } = {};
  const lists = { allow: [] as OutboundEntry[], deny: [] as OutboundEntry[] };
  for (const field of ["allow", "deny"] as const) {
    for (const raw of text[field]) {
      const parsed = parseOutboundEntry(raw);
      if (!parsed.ok) {
        fieldErrors[field] ??= parsed.message;
        continue;
      }
      lists[field].push(parsed.entry);
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, policy: lists };
}

/** For entries known to be valid (tests, stored settings); throws on a bad one. */
export function parseOutboundPolicy(text: OutboundPolicyText): OutboundPolicy {
  const parsed = readOutboundPolicy(text);
  if (!parsed.ok) throw new Error(Object.values(parsed.fieldErrors).join("; "));
  return parsed.policy;
}

function matches(entry: OutboundEntry, address: IpAddress, hostName: string | null): boolean {
  if (entry.kind === "host") return hostName !== null && entry.name === hostName;
  return inNetwork(address, entry.family, entry.base, entry.prefix) || inNetwork(unwrapIpv4(address), entry.family, entry.base, entry.prefix);
}

/** A host name the deny list names, before it is even resolved. */
export function judgeHostName(policy: OutboundPolicy, hostName: string): OutboundVerdict {
  const name = normaliseHostName(hostName);
  const denied = policy.deny.find((entry) => entry.kind === "host" && entry.name === name);
  return denied ? { allowed: false, reason: `${name} is denied by the entry ${denied.text}` } : { allowed: true };
}

/**
 * Whether a connection to `addressText` may be made (`hostName`: the name it was resolved from).
 * Explicit deny entries win; then allow entries; then addresses of the server's own networks
 * (loopback, private, link-local…) are refused; everything else is allowed.
 */
export function judgeAddress(policy: OutboundPolicy, addressText: string, hostName: string | null = null): OutboundVerdict {
  const address = parseIpAddress(addressText);
  if (!address) return { allowed: false, reason: `${addressText} is not an IP address` };
  const name = hostName === null ? null : normaliseHostName(hostName);
  const shown = formatIpAddress(address);
  const denied = policy.deny.find((entry) => matches(entry, address, name));
  if (denied) return { allowed: false, reason: `${shown} is denied by the entry ${denied.text}` };
  if (policy.allow.some((entry) => matches(entry, address, name))) return { allowed: true };
  const kind = classifyAddress(address);
  return kind === null ? { allowed: true } : { allowed: false, reason: `${shown} is ${kind}` };
}
