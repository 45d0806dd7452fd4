import type { PrismaClient } from "@prisma/client";
import type { PollerStatusViewer } from "./get-poller-status";

export interface SourceEventView {
  id: string;
  at: string;
  kind: string;
  message: string;
}

/** Failovers, failbacks and source errors: administrators only (their messages name internal addresses). */
export async function listRecentSourceEvents(prisma: PrismaClient, viewer: PollerStatusViewer, limit = 10): Promise<SourceEventView[]> {
  if (!viewer.isAdmin) return [];
  const events = await prisma.sourceEvent.findMany({ orderBy: { id: "desc" }, take: limit });
  return events.map((event) => ({ id: String(event.id), at: event.at.toISOString(), kind: event.kind, message: event.message }));
}
