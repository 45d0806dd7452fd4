import type { PrismaClient, User } from "@prisma/client";
import { z } from "zod";
import { hashPassword } from "../auth/password";
import { storableText } from "../validation/fields";

export const createUserInput = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: storableText().trim().min(1).max(100),
  password: storableText().min(8, "must be at least 8 characters"),
  isAdmin: z.boolean().default(false),
});

export async function createUser(prisma: PrismaClient, input: z.input<typeof createUserInput>): Promise<User> {
  const { password, ...fields } = createUserInput.parse(input);
  return prisma.user.create({ data: { ...fields, passwordHash: await hashPassword(password) } });
}
