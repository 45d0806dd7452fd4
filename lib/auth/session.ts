import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getPrisma } from "../db";
import type { Access } from "./access";
import { loadUserAccess } from "./load-access";
import { authOptions } from "./options";
import { DEFAULT_PREFERENCES, readPreferences, type UserPreferences } from "../users/preferences";
import { findSessionUser, sessionHolds, sessionUserOf, type SessionUser } from "./session-user";

export type CurrentUser = SessionUser;

/** The signed-in user, checked against the database (a deleted user's or an ended session's cookie no longer works). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  return session?.claims ? findSessionUser(getPrisma(), session.claims) : null;
}

/** The signed-in user and what they may do, checked against the database in one query; null without a session that holds. */
export async function getSignedInAccess(): Promise<{ user: CurrentUser; access: Access } | null> {
  const claims = (await getServerSession(authOptions))?.claims;
  if (!claims || claims.expiresAt <= Date.now()) return null;
  const found = await loadUserAccess(getPrisma(), claims.userId);
  if (!found || !sessionHolds(claims, found.user)) return null;
  return { user: sessionUserOf(found.user), access: found.access };
}

export async function requireUser(): Promise<CurrentUser> {
  return (await requireAccess()).user;
}

/**
 * The signed-in user and what they may do, for pages and server actions. Memoised per request
 * by React's cache so a page and its components load access once.
 */
export const requireAccess = cache(async (): Promise<{ user: CurrentUser; access: Access }> => {
  const signedIn = await getSignedInAccess();
  if (!signedIn) redirect("/signin");
  return signedIn;
});

/**
 * The theme and time zone of whoever holds the session cookie, for the root layout (signed out: the
 * defaults). Only looks: pages check the session themselves.
 */
export const getSessionPreferences = cache(async (): Promise<UserPreferences> => {
  await connection(); // per request: never prerendered at build time, where there is no session (nor secret)
  const claims = (await getServerSession(authOptions))?.claims;
  if (!claims || claims.expiresAt <= Date.now()) return DEFAULT_PREFERENCES;
  return readPreferences(getPrisma(), claims.userId);
});
