import type { PrismaClient } from "@prisma/client";

export interface SourceEventView {
  id: string;
  at: string;
  kind: string;
  message: string;
}

export async function listRecentSourceEvents(prisma: PrismaClient, limit = 10): Promise<SourceEventView[]> {
  const events = await prisma.sourceEvent.findMany({ orderBy: { id: "desc" }, take: limit });
  return events.map((event) => ({ id: String(event.id), at: event.at.toISOString(), kind: event.kind, message: event.message }));
}
