// Rules: docs/access-rules.md §9 (REST API tokens: scope and expiry).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type ApiTokenScope, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { readRows } from "../db/direct-read";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { ForbiddenError, ValidationError } from "../errors/app-error";
import { isRecordId, storableText } from "../validation/fields";
import { API_TOKEN_SCOPES, type ApiTokenScopeName } from "./token-scopes";

const TOKEN_PREFIX = "bsm_";

// Tokens are 32 random bytes, so a plain SHA-256 (no salt, no stretching) cannot be brute-forced
// and lets a request find its token with one indexed lookup.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const apiTokenName = storableText().trim().min(1, "is required").max(100, "must be at most 100 characters");

export { API_TOKEN_SCOPES, type ApiTokenScopeName } from "./token-scopes";

const SCOPE_IN_DATABASE: Record<ApiTokenScopeName, ApiTokenScope> = { full: "FULL", "read-only": "READ_ONLY", metrics: "METRICS" };
const scopeName = (scope: ApiTokenScope): ApiTokenScopeName => (scope === "READ_ONLY" ? "read-only" : scope === "METRICS" ? "metrics" : "full");

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  scope: ApiTokenScopeName;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

/** A token as a request presents it: whose it is and what it may do. */
export interface ApiTokenGrant {
  id: number;
  userId: string;
  scope: ApiTokenScopeName;
  expiresAt: Date | null;
}

export interface ApiTokenInput {
  name: string;
  scope: ApiTokenScopeName;
  expiresAt: Date | null;
}

const EXPIRY_FORMAT = "must be a date (2027-01-31) or a date and time (2027-01-31T18:00:00Z)";

const apiTokenInput = z.object(
  {
    name: apiTokenName,
    scope: z.enum(API_TOKEN_SCOPES, { error: "must be full, read-only or metrics" }).default("full"),
    expiresAt: z
      .union([z.literal(""), z.null(), z.iso.date({ error: EXPIRY_FORMAT }), z.iso.datetime({ offset: true, error: EXPIRY_FORMAT })], { error: EXPIRY_FORMAT })
      .optional(),
  },
  { error: "must be an object with name, scope and expiresAt" },
);

/**
 * A new token's name, scope (full unless said) and expiry. A date without a time means the end
 * of that day (UTC); the expiry must lie in the future.
 */
export function parseApiTokenInput(input: unknown, now: number): ApiTokenInput {
  const parsed = apiTokenInput.safeParse(input);
  if (!parsed.success) throw ValidationError.fromIssues(parsed.error.issues);
  const { name, scope, expiresAt: rawExpiry } = parsed.data;
  if (!rawExpiry) return { name, scope, expiresAt: null };
  const expiresAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(rawExpiry) ? `${rawExpiry}T23:59:59.999Z` : rawExpiry);
  if (expiresAt.getTime() <= now) throw new ValidationError({ expiresAt: "must be in the future" });
  return { name, scope, expiresAt };
}

const VIEW_SELECT = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true } as const;

/**
 * Creates a token for the user; the token itself is returned only here, never stored. When a
 * token creates it (`creator`), the new one cannot reach further: a read-only token creates
 * nothing, and the new token expires no later than its creator (by default, when it does).
 */
export async function createApiToken(
  prisma: PrismaClient,
  user: AuditActor,
  input: unknown,
  creator: ApiTokenGrant | null = null,
  now = Date.now(),
): Promise<{ token: string; view: ApiTokenView }> {
  if (creator && creator.scope !== "full") throw new ForbiddenError(`A ${creator.scope} API token cannot create tokens`);
  const requested = parseApiTokenInput(input, now);
  let expiresAt = requested.expiresAt;
  if (creator?.expiresAt) {
    if (expiresAt && expiresAt > creator.expiresAt) {
      throw new ValidationError({ expiresAt: `must not be later than the expiry of the token that creates it (${creator.expiresAt.toISOString()})` });
    }
    expiresAt ??= creator.expiresAt;
  }
  return insertApiToken(prisma, user, { ...requested, expiresAt }, creator ? `apiToken:${creator.id}` : "session");
}

/**
 * For the machine's operator, who can read the database anyway (`npm run token:create`): the
 * first token of a user, so that automation needs no browser. Refuses an unknown user.
 */
export async function createApiTokenFromCommandLine(prisma: PrismaClient, email: string, input: unknown, now = Date.now()): Promise<{ token: string; view: ApiTokenView }> {
  const requested = parseApiTokenInput(input, now);
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) throw new ValidationError({ user: `no user has the e-mail address ${email}` });
  return insertApiToken(prisma, user, requested, "command line");
}

async function insertApiToken(prisma: PrismaClient, user: AuditActor, requested: ApiTokenInput, via: string): Promise<{ token: string; view: ApiTokenView }> {
  const { expiresAt } = requested;
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const view = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: requested.name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        scope: SCOPE_IN_DATABASE[requested.scope],
        expiresAt,
      },
      select: VIEW_SELECT,
    });
    await recordAudit(tx, user, {
      action: "apiToken.create",
      target: `apiToken:${created.id}`,
      detail: { name: created.name, scope: requested.scope, expiresAt: expiresAt?.toISOString() ?? null, via },
    });
    return created;
  });
  return { token, view: { ...view, scope: scopeName(view.scope) } };
}

export async function listApiTokens(prisma: PrismaClient, userId: string, now = Date.now()): Promise<(ApiTokenView & { expired: boolean })[]> {
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: VIEW_SELECT });
  return rows.map((row) => ({ ...row, scope: scopeName(row.scope), expired: row.expiresAt !== null && row.expiresAt.getTime() <= now }));
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

/** The token's holder, scope and expiry, or null when there is no such token. Whether it may be used: apiTokenRefusal. */
export async function findApiTokenGrant(prisma: PrismaClient, token: string): Promise<ApiTokenGrant | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = Date.now();
  // Times travel as ISO text (UTC), read as UTC whatever the process's time zone.
  const utc = (ms: number) => Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  // Every API request starts here: one statement straight to the driver (readRows) finds the token and,
  // when it has not expired, records its use. Updating on every request would make each API call a
  // write; a minute's precision is enough.
  const [row] = await readRows<{ id: number; userId: string; scope: ApiTokenScope; expiresAt: Date | null }>(
    prisma,
    Prisma.sql`
    WITH found AS (SELECT id, "userId", "lastUsedAt", scope, "expiresAt" FROM "ApiToken" WHERE "tokenHash" = ${hashApiToken(token)}),
         used AS (
           UPDATE "ApiToken" SET "lastUsedAt" = ${utc(now)}
           FROM found
           WHERE "ApiToken".id = found.id
             AND (found."expiresAt" IS NULL OR found."expiresAt" > ${utc(now)})
             AND (found."lastUsedAt" IS NULL OR found."lastUsedAt" < ${utc(now - 60_000)})
           RETURNING "ApiToken".id
         )
    SELECT id, "userId", scope::text AS scope, "expiresAt" FROM found`,
  );
  if (!row) return null;
  return { id: row.id, userId: row.userId, scope: scopeName(row.scope), expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt) };
}

/** What a metrics token is told anywhere but /metrics. */
export const METRICS_TOKEN_REFUSAL = "This API token has the metrics scope: it may only read /metrics";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why this token may not make this request (status and message), or null when it may. */
export function apiTokenRefusal(grant: Pick<ApiTokenGrant, "scope" | "expiresAt">, method: string, now: number): { status: 401 | 403; message: string } | null {
  if (grant.expiresAt !== null && grant.expiresAt.getTime() <= now) return { status: 401, message: "API token expired" };
  if (grant.scope === "metrics") return { status: 403, message: METRICS_TOKEN_REFUSAL };
  if (grant.scope === "read-only" && !READ_METHODS.has(method.toUpperCase())) {
    return { status: 403, message: "This API token is read-only: it may not create, change or delete anything" };
  }
  return null;
}
