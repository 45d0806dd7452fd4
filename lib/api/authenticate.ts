import "server-only";
import { getServerSession } from "next-auth";
import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { apiTokenRefusal, findApiTokenGrant, type ApiTokenGrant } from "../auth/api-tokens";
import { loadUserAccess } from "../auth/load-access";
import { authOptions } from "../auth/options";
import { sessionHolds, sessionUserOf, type SessionClaims, type SessionUser } from "../auth/session-user";
import { ForbiddenError, UnauthenticatedError } from "../errors/app-error";
import { isCrossOriginRequest } from "./request-body";

/** How a request proved who it is: kept by open event streams, which check it again every few seconds. */
export type Credential = { kind: "token"; token: string } | { kind: "session"; claims: SessionClaims };

export interface ApiCaller {
  user: SessionUser;
  access: Access;
  via: Credential["kind"];
  credential: Credential;
  /** The token the request came with (its scope and expiry), null for the session cookie. */
  token: ApiTokenGrant | null;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The caller, by personal API token (Authorization: Bearer) or else the session cookie.
 * Cookie-authenticated changes must come from this site's own pages (CSRF): the browser's
 * Origin header has to name this host.
 */
export async function authenticateApiRequest(prisma: PrismaClient, request: Request, options: ApiRequestOptions = {}): Promise<ApiCaller> {
  const authorization = request.headers.get("authorization");
  let credential: Credential;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError("invalid or revoked API token");
    credential = { kind: "token", token: match[1]! };
  } else {
    const claims = (await getServerSession(authOptions))?.claims;
    if (!claims) throw new UnauthenticatedError("sign in or send an API token (Authorization: Bearer <token>)");
    credential = { kind: "session", claims };
    if (MUTATING.has(request.method) && !isSameOrigin(request)) throw new ForbiddenError("cross-site request refused");
  }
  // An operation that only reads, though posted (a what-if evaluation), is judged like a GET for a token's scope.
  return authorizeCredential(prisma, credential, options.readsOnly === true ? "GET" : request.method);
}

export interface ApiRequestOptions {
  /** The operation changes nothing although its method is POST: read-only tokens may use it (docs/access-rules.md §9.2). */
  readsOnly?: boolean;
}

/**
 * Checks a credential against the database now, for a request of this method: the token still
 * exists, has not expired and its scope allows the method, or the session has not expired or been
 * ended; the user still exists and has BSM access. Throws 401/403 otherwise.
 */
export async function authorizeCredential(prisma: PrismaClient, credential: Credential, method: string): Promise<ApiCaller> {
  let token: ApiTokenGrant | null = null;
  let userId: string;
  if (credential.kind === "token") {
    token = await findApiTokenGrant(prisma, credential.token);
    if (!token) throw new UnauthenticatedError("invalid or revoked API token");
    const refusal = apiTokenRefusal(token, method, Date.now());
    if (refusal) throw refusal.status === 401 ? new UnauthenticatedError(refusal.message) : new ForbiddenError(refusal.message);
    userId = token.userId;
  } else {
    if (credential.claims.expiresAt <= Date.now()) throw new UnauthenticatedError(SESSION_ENDED);
    userId = credential.claims.userId;
  }
  const found = await loadUserAccess(prisma, userId);
  if (credential.kind === "session" && (!found || !sessionHolds(credential.claims, found.user))) throw new UnauthenticatedError(SESSION_ENDED);
  if (!found) throw new UnauthenticatedError("the account no longer exists");
  requireCapability(found.access, "bsm");
  return { user: sessionUserOf(found.user), access: found.access, via: credential.kind, credential, token };
}

const SESSION_ENDED = "your session has ended; sign in again";

/** A request that names this site as its Origin (a missing Origin does not count). */
export function isSameOrigin(request: Request): boolean {
  return request.headers.get("origin") !== null && !isCrossOriginRequest(request);
}
