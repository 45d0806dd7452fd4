import type { PrismaClient, User } from "@prisma/client";
import { verifyPassword } from "../auth/password";

/** The user with this e-mail and password, or null; the same answer whatever was wrong. */
export async function authenticateUser(prisma: PrismaClient, email: string, password: string): Promise<User | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) return null;
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}
