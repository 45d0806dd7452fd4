import "server-only";
import type { PrismaClient } from "@prisma/client";
import type { AuditActor } from "../audit/record-audit";
import { revokeApiToken, type ApiTokenView } from "../auth/api-tokens";

import { NotFoundError } from "../errors/app-error";
/** /api/tokens: a token as the API shows it (never the token itself, only its first characters). */
export interface ApiTokenResource {
  id: number;
  name: string;
  prefix: string;
  scope: ApiTokenView["scope"];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
}

export function toApiTokenResource(view: ApiTokenView & { expired: boolean }): ApiTokenResource {
  return {
    id: view.id,
    name: view.name,
    prefix: view.prefix,
    scope: view.scope,
    createdAt: view.createdAt.toISOString(),
    lastUsedAt: view.lastUsedAt?.toISOString() ?? null,
    expiresAt: view.expiresAt?.toISOString() ?? null,
    expired: view.expired,
  };
}

/** DELETE /api/tokens/{id}: the caller's own tokens only; any other id is not found. */
export async function revokeOwnApiToken(prisma: PrismaClient, user: AuditActor, tokenId: number): Promise<void> {
  // Token ids are 32-bit; a larger one names no token (and must not reach the database as one).
  if (tokenId > 2_147_483_647 || !(await revokeApiToken(prisma, user, tokenId))) throw new NotFoundError(`no API token with id ${tokenId}`);
}
