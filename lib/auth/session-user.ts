import "server-only";
import type { Prisma, PrismaClient, User } from "@prisma/client";

export type SessionUser = Pick<User, "id" | "email" | "name" | "isAdmin">;

/** What a session cookie claims: whose it is, the user's session version when it was issued, and when it expires. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * The user a session belongs to, checked against the database on every page, API request, server
 * action and open event stream: null when the user is gone, the session has expired, or it was
 * issued before the user's sessions were ended (sign-out, password or access change).
 */
export async function findSessionUser(prisma: PrismaClient, claims: SessionClaims, now = Date.now()): Promise<SessionUser | null> {
  if (claims.expiresAt <= now) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, isAdmin: true, sessionVersion: true },
  });
  return user && sessionHolds(claims, user, now) ? sessionUserOf(user) : null;
}

/** Whether a session with these claims still holds for the user as stored: not expired, not ended since it was issued. */
export function sessionHolds(claims: SessionClaims, user: { id: string; sessionVersion: number }, now = Date.now()): boolean {
  return claims.expiresAt > now && user.id === claims.userId && user.sessionVersion === claims.sessionVersion;
}

/** Only the SessionUser fields of a user row (not its session version or grants). */
export function sessionUserOf(user: SessionUser): SessionUser {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/**
 * Ends every session of the user issued so far; call it in the transaction of the change that
 * requires it. With `onlyVersion`, only when the sessions are still at that version (a sign-out
 * with an already ended cookie changes nothing). Returns the new version, or null when nothing changed.
 */
export async function endSessions(db: Prisma.TransactionClient | PrismaClient, userId: string, onlyVersion?: number): Promise<number | null> {
  const { count } = await db.user.updateMany({
    where: { id: userId, ...(onlyVersion === undefined ? {} : { sessionVersion: onlyVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
  if (count === 0) return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return user.sessionVersion;
}

/** The claims of a next-auth JWT, or null when it has none of ours (a cookie from before session versions). */
export function sessionClaimsOf(token: { userId?: unknown; sessionVersion?: unknown; exp?: unknown } | null | undefined): SessionClaims | null {
  if (!token || typeof token.userId !== "string" || typeof token.sessionVersion !== "number" || typeof token.exp !== "number") return null;
  return { userId: token.userId, sessionVersion: token.sessionVersion, expiresAt: token.exp * 1000 };
}
