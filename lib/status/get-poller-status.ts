import type { PrismaClient } from "@prisma/client";

export interface PollerStatusView {
  sourceKind: string;
  sourceDescription: string;
  lastSuccessAt: string | null;
  staleSince: string | null;
  lastError: string | null;
}

export async function getPollerStatus(prisma: PrismaClient): Promise<PollerStatusView | null> {
  const status = await prisma.pollerStatus.findUnique({ where: { id: 1 } });
  if (!status) return null;
  return {
    sourceKind: status.sourceKind,
    sourceDescription: status.sourceDescription,
    lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    staleSince: status.staleSince?.toISOString() ?? null,
    lastError: status.lastError,
  };
}

/** When the monitoring source stopped answering (ISO time), or null while the data is fresh. */
export async function loadStaleSince(prisma: PrismaClient): Promise<string | null> {
  const status = await prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { staleSince: true } });
  return status?.staleSince?.toISOString() ?? null;
}
