import { BlockList, isIP } from "node:net";

/**
 * Set by our HTTP server (scripts/serve.mjs) from the socket's remote address on every request,
 * replacing whatever a client sent under this name. Next's own X-Forwarded-For cannot serve:
 * `next start` keeps a client-supplied value.
 */
export const CLIENT_ADDRESS_HEADER = "x-bsm-client-address";

export interface TrustedProxies {
  includes(address: string): boolean;
}

function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** BSM_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or IPv6). Throws naming a bad entry. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  const entries = value.trim() === "" ? [] : value.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? undefined : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const maxBits = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (bits !== undefined && !(bits >= 0 && bits <= maxBits))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, bits, type);
  }
  return {
    includes(candidate) {
      const address = normalize(candidate);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  if (typeof value === "string") return value;
  return Array.isArray(value) ? value.join(",") : undefined;
}

/**
 * The address sign-in throttling counts against: the socket peer, or, when the peer is a trusted
 * proxy, the right-most X-Forwarded-For address that is not a trusted proxy (entries to its left
 * were written by the client and prove nothing).
 */
export function clientAddressFromHeaders(headers: HeaderSource, trusted: TrustedProxies): string {
  const peer = header(headers, CLIENT_ADDRESS_HEADER);
  if (!peer) return "unknown-client";
  let client = normalize(peer);
  if (!trusted.includes(client)) return client;
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  for (const hop of hops.reverse()) {
    client = hop;
    if (!trusted.includes(hop)) break;
  }
  return client;
}
