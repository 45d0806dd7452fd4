import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "../db";
import type { Access } from "./access";
import { loadAccess } from "./load-access";
import { authOptions } from "./options";
import { findSessionUser, type SessionUser } from "./session-user";

export type CurrentUser = SessionUser;

/** The signed-in user, checked against the database (a deleted user's or an ended session's cookie no longer works). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  return session?.claims ? findSessionUser(getPrisma(), session.claims) : null;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/**
 * The signed-in user and what they may do, for pages and server actions. Memoised per request
 * by React's cache so a page and its components load access once.
 */
export const requireAccess = cache(async (): Promise<{ user: CurrentUser; access: Access }> => {
  const user = await requireUser();
  return { user, access: await loadAccess(getPrisma(), user.id) };
});
