import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { isRecordId, storableText } from "../validation/fields";

const TOKEN_PREFIX = "bsm_";

// Tokens are 32 random bytes, so a plain SHA-256 (no salt, no stretching) cannot be brute-forced
// and lets a request find its token with one indexed lookup.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const apiTokenName = storableText().trim().min(1, "is required").max(100, "must be at most 100 characters");

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Creates a token for the user; the token itself is returned only here, never stored. */
export async function createApiToken(prisma: PrismaClient, user: AuditActor, name: string): Promise<{ token: string; view: ApiTokenView }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const view = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.id, name: apiTokenName.parse(name), tokenHash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    });
    await recordAudit(tx, user, { action: "apiToken.create", target: `apiToken:${created.id}`, detail: { name: created.name } });
    return created;
  });
  return { token, view };
}

export async function listApiTokens(prisma: PrismaClient, userId: string): Promise<ApiTokenView[]> {
  return prisma.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the user's own tokens; returns false when the user has no such token. */
export async function revokeApiToken(prisma: PrismaClient, user: AuditActor, tokenId: number): Promise<boolean> {
  if (!isRecordId(tokenId)) return false;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.deleteMany({ where: { id: tokenId, userId: user.id } });
    if (count > 0) await recordAudit(tx, user, { action: "apiToken.revoke", target: `apiToken:${tokenId}` });
    return count > 0;
  });
}

/** The id of the user holding this token, or null. */
export async function findUserIdByApiToken(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, select: { id: true, userId: true, lastUsedAt: true } });
  if (!row) return null;
  // Updating on every request would make each API call a write; a minute's precision is enough.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.userId;
}
