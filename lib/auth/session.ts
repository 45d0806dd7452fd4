import type { User } from "@prisma/client";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "../db";
import type { Access } from "./access";
import { loadAccess } from "./load-access";
import { authOptions } from "./options";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "isAdmin">;

/** The signed-in user, checked against the database (a deleted user's cookie no longer works). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  return getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isAdmin: true },
  });
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
