import type { PrismaClient, User } from "@prisma/client";
import { z } from "zod";
import { hashPassword } from "../auth/password";

export const createUserInput = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8, "must be at least 8 characters"),
  isAdmin: z.boolean().default(false),
});

export async function createUser(prisma: PrismaClient, input: z.input<typeof createUserInput>): Promise<User> {
  const { password, ...fields } = createUserInput.parse(input);
  return prisma.user.create({ data: { ...fields, passwordHash: await hashPassword(password) } });
}
