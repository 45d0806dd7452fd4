import type { Prisma, PrismaClient } from "@prisma/client";

export interface AuditActor {
  id: string;
  email: string;
}

/** A change made outside any user's session (a command-line tool run by whoever runs the server): no user row, a name in userEmail. */
export interface SystemActor {
  id: null;
  email: string;
}

/**
 * Writes one audit entry. Pass the transaction client of the change itself, so the entry exists
 * exactly when the change does.
 */
export async function recordAudit(
  db: Prisma.TransactionClient | PrismaClient,
  actor: AuditActor | SystemActor,
  entry: { action: string; target: string; detail?: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditEntry.create({
    data: { userId: actor.id, userEmail: actor.email, action: entry.action, target: entry.target, detail: entry.detail ?? {} },
  });
}
