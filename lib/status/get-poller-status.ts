import type { PrismaClient } from "@prisma/client";
import { isSettingsSourceKind, sourceKindSpec } from "../settings/source-kinds";

export interface PollerStatusView {
  sourceKind: string;
  sourceDescription: string;
  lastSuccessAt: string | null;
  staleSince: string | null;
  /** The source's error text; null for everyone but administrators (it names internal addresses). */
  lastError: string | null;
}

/** Who reads the status: only administrators see the source's errors and addresses. */
export interface PollerStatusViewer {
  isAdmin: boolean;
}

/**
 * The poller's last result as this viewer may see it. Others than administrators get no error
 * text, and the source's kind instead of its description (host names, ports, URLs), except for
 * the simulated estate, whose description names no address.
 */
export async function getPollerStatus(prisma: PrismaClient, viewer: PollerStatusViewer): Promise<PollerStatusView | null> {
  const status = await prisma.pollerStatus.findUnique({ where: { id: 1 } });
  if (!status) return null;
  const revealed = viewer.isAdmin || status.sourceKind === "simulated";
  return {
    sourceKind: status.sourceKind,
    sourceDescription: revealed ? status.sourceDescription : sourceKindLabel(status.sourceKind),
    lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    staleSince: status.staleSince?.toISOString() ?? null,
    lastError: viewer.isAdmin ? status.lastError : null,
  };
}

function sourceKindLabel(kind: string): string {
  return isSettingsSourceKind(kind) ? sourceKindSpec(kind).label : "the monitoring source";
}

/** When the monitoring source stopped answering (ISO time), or null while the data is fresh. */
export async function loadStaleSince(prisma: PrismaClient): Promise<string | null> {
  const status = await prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { staleSince: true } });
  return status?.staleSince?.toISOString() ?? null;
}
