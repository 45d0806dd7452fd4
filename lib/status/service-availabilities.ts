import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadAvailability } from "./availability";

/** Availability moves slowly; the whole estate's figures are recomputed at most this often per database. */
const FRESH_FOR_MS = 30_000;

interface CachedFigures {
  computedAt: number;
  byService: Promise<Map<number, number>>;
}

const globalForAvailability = globalThis as typeof globalThis & { bsmServiceAvailability?: WeakMap<PrismaClient, CachedFigures> };

/** 24-hour availability of every business service the user may see, by id (for the Summary). */
export async function listServiceAvailabilities(prisma: PrismaClient, access: Access, now: number): Promise<Record<number, number>> {
  const figures = await estateFigures(prisma, now);
  const visible: Record<number, number> = {};
  for (const id of access.visibleServiceIds()) visible[id] = figures.get(id) ?? 100;
  return visible;
}

function estateFigures(prisma: PrismaClient, now: number): Promise<Map<number, number>> {
  const cache = (globalForAvailability.bsmServiceAvailability ??= new WeakMap());
  const cached = cache.get(prisma);
  if (cached && Math.abs(now - cached.computedAt) < FRESH_FOR_MS) return cached.byService;
  const byService = loadAvailability(prisma, { now }).then(
    (report) => new Map(report.businessServices.map((service) => [Number(service.id), service.availability])),
  );
  cache.set(prisma, { computedAt: now, byService });
  byService.catch(() => cache.delete(prisma));
  return byService;
}
