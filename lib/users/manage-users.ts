import "server-only";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability } from "../auth/access";
import { hashPassword } from "../auth/password";
import { endSessions } from "../auth/session-user";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation, parseInput } from "../config/inputs";
import { NotFoundError, ValidationError } from "../errors/app-error";
import { isStorableText, recordId, storableText } from "../validation/fields";
import type { AdminContext } from "./roles";

export interface UserView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  roleId: number | null;
}

export async function listUsers(prisma: PrismaClient): Promise<UserView[]> {
  return prisma.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, name: true, isAdmin: true, roleId: true } });
}

const roleId = recordId().nullable();

export const newUserInput = z.object({
  email: z.email("must be an e-mail address").transform((email) => email.toLowerCase()),
  name: storableText().trim().min(1, "is required").max(100),
  password: storableText().min(8, "must be at least 8 characters"),
  isAdmin: z.boolean(),
  roleId,
});

export const userAccessInput = z.object({ isAdmin: z.boolean(), roleId });

export async function createUserAsAdmin({ prisma, user, access }: AdminContext, raw: unknown): Promise<{ id: string }> {
  requireCapability(access, "administer");
  const { password, ...fields } = parseInput(newUserInput, raw);
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...fields, passwordHash }, select: { id: true } });
      await recordAudit(tx, user, { action: "user.create", target: `user:${fields.email}`, detail: { isAdmin: fields.isAdmin, roleId: fields.roleId } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ email: "another user already has this e-mail address" });
    throw error;
  }
}

/**
 * Sets a user's role and admin flag; an administrator cannot take away their own admin rights.
 * A change of either ends the user's sessions (the new session version is returned, else null).
 */
export async function setUserAccess({ prisma, user, access }: AdminContext, userId: string, raw: unknown): Promise<{ sessionVersion: number | null }> {
  requireCapability(access, "administer");
  const input = parseInput(userAccessInput, raw);
  if (userId === user.id && !input.isAdmin) throw new ValidationError({ isAdmin: "you cannot remove your own administrator rights" });
  return prisma.$transaction(async (tx) => {
    const target = isStorableText(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { email: true, isAdmin: true, roleId: true } }) : null;
    if (!target) throw new NotFoundError("no such user");
    if (input.roleId !== null && !(await tx.role.findUnique({ where: { id: input.roleId }, select: { id: true } }))) {
      throw new ValidationError({ roleId: "no such role" });
    }
    await tx.user.update({ where: { id: userId }, data: input });
    const changed = target.isAdmin !== input.isAdmin || target.roleId !== input.roleId;
    const sessionVersion = changed ? await endSessions(tx, userId) : null;
    await recordAudit(tx, user, { action: "user.access", target: `user:${target.email}`, detail: input });
    return { sessionVersion };
  });
}

export async function deleteUser({ prisma, user, access }: AdminContext, userId: string): Promise<void> {
  requireCapability(access, "administer");
  if (userId === user.id) throw new ValidationError({ user: "you cannot delete your own account" });
  await prisma.$transaction(async (tx) => {
    const target = isStorableText(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
    if (!target) throw new NotFoundError("no such user");
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, user, { action: "user.delete", target: `user:${target.email}` });
  });
}
