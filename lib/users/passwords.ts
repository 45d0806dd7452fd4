import "server-only";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability } from "../auth/access";
import { hashPassword, verifyPassword } from "../auth/password";
import { endSessions } from "../auth/session-user";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { parseInput } from "../config/inputs";
import { NotFoundError, ValidationError } from "../errors/app-error";
import type { AdminContext } from "./roles";

const newPassword = z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");

export const passwordChangeInput = z
  .object({
    currentPassword: z.string().min(1, "is required").max(200),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "does not match the new password" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "must differ from the current password" });

export const passwordResetInput = z.object({ password: newPassword });

/**
 * A user changes their own password, proving the current one. Ends every session of the user
 * (the caller renews its own); returns the new session version.
 */
export async function changeOwnPassword(prisma: PrismaClient, user: AuditActor, raw: unknown): Promise<{ sessionVersion: number }> {
  const input = parseInput(passwordChangeInput, raw);
  const stored = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!stored) throw new NotFoundError("no such user");
  if (!(await verifyPassword(input.currentPassword, stored.passwordHash))) {
    throw new ValidationError({ currentPassword: "is not your current password" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionVersion = await endSessions(tx, user.id);
    await recordAudit(tx, user, { action: "user.password.change", target: `user:${user.email}` });
    return { sessionVersion: sessionVersion! };
  });
}

/** An administrator sets another user's password; that user's sessions end. Their own goes through Account. */
export async function resetUserPassword({ prisma, user, access }: AdminContext, userId: string, raw: unknown): Promise<void> {
  requireCapability(access, "administer");
  const input = parseInput(passwordResetInput, raw);
  if (userId === user.id) throw new ValidationError({ password: "change your own password on Account" });
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!target) throw new NotFoundError("no such user");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endSessions(tx, userId);
    await recordAudit(tx, user, { action: "user.password.reset", target: `user:${target.email}` });
  });
}
