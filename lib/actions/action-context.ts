import "server-only";
import { requireAccess } from "../auth/session";
import type { ConfigContext } from "../config/context";
import { getPrisma } from "../db";

/**
 * What a server action hands to the lib/ function it calls: the database, who acts and what they
 * may do. Kept out of the server action modules, where every export would become a callable action.
 */
export async function requireActionContext(): Promise<ConfigContext> {
  const { user, access } = await requireAccess();
  return { prisma: getPrisma(), user, access };
}
