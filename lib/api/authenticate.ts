import { getServerSession } from "next-auth";
import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { apiTokenRefusal, findUserIdByApiToken, type ApiTokenGrant } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { authOptions } from "../auth/options";
import { ApiError } from "./errors";

export interface ApiCaller {
  user: { id: string; email: string; name: string; isAdmin: boolean };
  access: Access;
  via: "session" | "token";
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
  let userId: string | null;
  let via: ApiCaller["via"];
  let token: ApiTokenGrant | null = null;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    token = match ? await findUserIdByApiToken(prisma, match[1]) : null;
    if (!token) throw new ApiError(401, "invalid or revoked API token");
    const refusal = apiTokenRefusal(token, request.method, Date.now());
    if (refusal) throw new ApiError(refusal.status, refusal.message);
    userId = token.userId;
    via = "token";
  } else {
    const session = await getServerSession(authOptions);
    userId = session?.user?.id ?? null;
    if (!userId) throw new ApiError(401, "sign in or send an API token (Authorization: Bearer <token>)");
    via = "session";
    if (MUTATING.has(request.method) && !isSameOrigin(request)) throw new ApiError(403, "cross-site request refused");
  }
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, isAdmin: true } });
  if (!user) throw new ApiError(401, "the account no longer exists");
  const access = await loadAccess(prisma, user.id);
  if (!access.has("bsm")) throw new ApiError(403, "This needs the BSM access permission");
  return { user, access, via, token };
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
