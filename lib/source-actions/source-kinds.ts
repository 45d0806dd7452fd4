import type { PrismaClient } from "@prisma/client";

/** The source kinds that accept commands, and why the others do not (shown to users). */
const READ_ONLY_REASONS: Record<string, string> = {
  "opsview-db": "The Opsview runtime database is read-only: acknowledge and schedule downtime in Opsview itself.",
  "icinga-ido": "The Icinga IDO database is read-only: acknowledge and schedule downtime in Icinga itself.",
};

export const COMMAND_SOURCE_KINDS = ["simulated", "icinga-api", "opsview-rest"] as const;

export function sourceAcceptsCommands(kind: string): boolean {
  return (COMMAND_SOURCE_KINDS as readonly string[]).includes(kind);
}

/** Why the kind takes no commands, or null when it does. */
export function readOnlyReason(kind: string): string | null {
  if (sourceAcceptsCommands(kind)) return null;
  return READ_ONLY_REASONS[kind] ?? `The monitoring source (${kind}) does not accept commands.`;
}

/** The source kind in force: the saved settings' kind, else BSM_SOURCE (default simulated), as the poller chooses. */
export async function sourceKindInForce(prisma: PrismaClient): Promise<string> {
  const saved = await prisma.sourceSettings.findUnique({ where: { id: 1 }, select: { kind: true } });
  return saved?.kind ?? (process.env.BSM_SOURCE || "simulated");
}
