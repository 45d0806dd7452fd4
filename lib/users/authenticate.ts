import "server-only";
import type { PrismaClient, User } from "@prisma/client";
import { hashPassword, verifyPassword } from "../auth/password";

let dummyHash: Promise<string> | undefined;

/** The user with this e-mail and password, or null; the same answer, and about the same time, whatever was wrong. */
export async function authenticateUser(prisma: PrismaClient, email: string, password: string): Promise<User | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    // Hash anyway, so a response time does not tell which e-mail addresses have accounts.
    dummyHash ??= hashPassword("no such account");
    await verifyPassword(password, await dummyHash);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}
