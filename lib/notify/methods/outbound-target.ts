import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";

import { judgeAddress, judgeHostName, parseIpAddress, type OutboundPolicy } from "../outbound-policy";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to (as the connection itself would resolve it). */
export type ResolveHost = (hostName: string) => Promise<ResolvedAddress[]>;

export const resolveWithSystem: ResolveHost = (hostName) => lookup(hostName, { all: true, verbatim: true });

const DEFAULT_RESOLVE_TIMEOUT_MS = 10_000;

/** Resolves, or rejects with code ETIMEOUT after `timeoutMs` (getaddrinfo cannot be cancelled; its answer is ignored). */
function resolveWithin(resolve: ResolveHost, hostName: string, timeoutMs: number): Promise<ResolvedAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEOUT" })), timeoutMs);
  });
  return Promise.race([resolve(hostName), timeout]).finally(() => clearTimeout(timer));
}

export const REFUSED_PREFIX = "refused by the outbound policy: ";

export type CheckedTarget =
  | { ok: true; address: string; family: 4 | 6 }
  /** `refused`: the policy said no (final); otherwise the name could not be resolved (worth a retry). */
  | { ok: false; refused: boolean; reason: string };

/** "[::1]" (a URL's hostname) → "::1". */
export function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * Resolves `host` and checks every address against the policy; the connection must then go to the
 * returned address (see pinnedLookup), so a DNS answer that changes afterwards cannot bypass the check.
 */
export async function checkOutboundHost(
  policy: OutboundPolicy,
  host: string,
  resolve: ResolveHost = resolveWithSystem,
  timeoutMs = DEFAULT_RESOLVE_TIMEOUT_MS,
): Promise<CheckedTarget> {
  const bare = stripBrackets(host);
  const literal = parseIpAddress(bare);
  if (literal) {
    const verdict = judgeAddress(policy, bare);
    return verdict.allowed ? { ok: true, address: bare, family: literal.family } : { ok: false, refused: true, reason: verdict.reason };
  }
  const named = judgeHostName(policy, bare);
  if (!named.allowed) return { ok: false, refused: true, reason: named.reason };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveWithin(resolve, bare, timeoutMs);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "no answer";
    return { ok: false, refused: false, reason: `could not resolve ${bare}: ${code}` };
  }
  if (addresses.length === 0) return { ok: false, refused: false, reason: `could not resolve ${bare}: no addresses` };
  for (const { address } of addresses) {
    const verdict = judgeAddress(policy, address, bare);
    if (!verdict.allowed) return { ok: false, refused: true, reason: `${bare} resolves to ${verdict.reason.replace(/^(\S+) is /, "$1, which is ")}` };
  }
  const first = addresses[0];
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for node:net/http that answers every query with the checked address. */
export function pinnedLookup(target: { address: string; family: 4 | 6 }): LookupFunction {
  return (_hostName, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}
