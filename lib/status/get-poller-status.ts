import { Prisma, type PollerStatus, type PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { readRows } from "../db/direct-read";
import { canSeeEstateFigures } from "../auth/estate-figures";
import type { CyclePhases } from "../poller/cycle-cost";
import { isSourceKind, sourceKindDefinition } from "../sources/registry";

export interface PollerStatusView {
  sourceKind: string;
  sourceDescription: string;
  lastSuccessAt: string | null;
  staleSince: string | null;
  /** The source's error text; null for everyone but administrators (it names internal addresses). */
  lastError: string | null;
  /** Where the last successful cycle spent its time; null before the first one. */
  lastCyclePhases: CyclePhases | null;
}

/**
 * Who reads the status: only administrators see the source's errors and addresses; only those who
 * may see estate-wide figures (lib/auth/estate-figures.ts) see the simulated estate's counts.
 */
export interface PollerStatusViewer {
  isAdmin: boolean;
  seesEstateFigures: boolean;
}

export function pollerStatusViewer(access: Access): PollerStatusViewer {
  return { isAdmin: access.has("administer"), seesEstateFigures: canSeeEstateFigures(access) };
}

/**
 * The source's description as this viewer may read it: administrators get it all; the simulated
 * estate's (counts, no address) goes to those who may see estate figures; everyone else gets its kind.
 */
export function sourceDescriptionFor(viewer: PollerStatusViewer, sourceKind: string, sourceDescription: string): string {
  const revealed = viewer.isAdmin || (sourceKind === "simulated" && viewer.seesEstateFigures);
  return revealed ? sourceDescription : sourceKindLabel(sourceKind);
}

type PollerStatusRow = Pick<
  PollerStatus,
  "sourceKind" | "sourceDescription" | "lastSuccessAt" | "staleSince" | "lastError" | "lastReadMs" | "lastEvaluateMs" | "lastStoreMs"
>;

/** The poller's last result as this viewer may see it: error text for administrators only. */
export async function getPollerStatus(prisma: PrismaClient, viewer: PollerStatusViewer): Promise<PollerStatusView | null> {
  // Every page's layout asks: straight to the driver (readRows).
  const [status] = await readRows<PollerStatusRow>(
    prisma,
    Prisma.sql`SELECT "sourceKind", "sourceDescription", "lastSuccessAt", "staleSince", "lastError", "lastReadMs", "lastEvaluateMs", "lastStoreMs" FROM "PollerStatus" WHERE id = 1`,
  );
  if (!status) return null;
  return {
    sourceKind: status.sourceKind,
    sourceDescription: sourceDescriptionFor(viewer, status.sourceKind, status.sourceDescription),
    lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    staleSince: status.staleSince?.toISOString() ?? null,
    lastError: viewer.isAdmin ? status.lastError : null,
    lastCyclePhases: cyclePhasesOf(status),
  };
}

function cyclePhasesOf(status: { lastReadMs: number | null; lastEvaluateMs: number | null; lastStoreMs: number | null }): CyclePhases | null {
  const { lastReadMs, lastEvaluateMs, lastStoreMs } = status;
  if (lastReadMs === null || lastEvaluateMs === null || lastStoreMs === null) return null;
  return { readMs: lastReadMs, evaluateMs: lastEvaluateMs, storeMs: lastStoreMs };
}

function sourceKindLabel(kind: string): string {
  return isSourceKind(kind) ? sourceKindDefinition(kind).label : "the monitoring source";
}

/** When the monitoring source stopped answering (ISO time), or null while the data is fresh. */
export async function loadStaleSince(prisma: PrismaClient): Promise<string | null> {
  // Every status resource asks: straight to the driver (readRows).
  const [status] = await readRows<{ staleSince: Date | null }>(prisma, Prisma.sql`SELECT "staleSince" FROM "PollerStatus" WHERE id = 1`);
  return status?.staleSince ? new Date(status.staleSince).toISOString() : null;
}
