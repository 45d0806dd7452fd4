import "server-only";
import { getServerSession } from "next-auth";
import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { apiTokenRefusal, findApiTokenGrant, type ApiTokenGrant } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { authOptions } from "../auth/options";
import { findSessionUser, type SessionClaims, type SessionUser } from "../auth/session-user";
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
export async function authenticateApiRequest(prisma: PrismaClient, request: Request): Promise<ApiCaller> {
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
  return authorizeCredential(prisma, credential, request.method);
}

/**
 * Checks a credential against the database now, for a request of this method: the token still
 * exists, has not expired and its scope allows the method, or the session has not expired or been
 * ended; the user still exists and has BSM access. Throws 401/403 otherwise.
 */
export async function authorizeCredential(prisma: PrismaClient, credential: Credential, method: string): Promise<ApiCaller> {
  let user: SessionUser | null;
  let token: ApiTokenGrant | null = null;
  if (credential.kind === "token") {
    token = await findApiTokenGrant(prisma, credential.token);
    if (!token) throw new UnauthenticatedError("invalid or revoked API token");
    const refusal = apiTokenRefusal(token, method, Date.now());
    if (refusal) throw refusal.status === 401 ? new UnauthenticatedError(refusal.message) : new ForbiddenError(refusal.message);
    user = await prisma.user.findUnique({ where: { id: token.userId }, select: { id: true, email: true, name: true, isAdmin: true } });
  } else {
    user = await findSessionUser(prisma, credential.claims);
    if (!user) throw new UnauthenticatedError("your session has ended; sign in again");
  }
  if (!user) throw new UnauthenticatedError("the account no longer exists");
  const access = await loadAccess(prisma, user.id);
  requireCapability(access, "bsm");
  return { user, access, via: credential.kind, credential, token };
}

/** A request that names this site as its Origin (a missing Origin does not count). */
export function isSameOrigin(request: Request): boolean {
  return request.headers.get("origin") !== null && !isCrossOriginRequest(request);
}
