// Rules: docs/connector-rules.md §4 (reflection after a poll).
import type { PrismaClient } from "@prisma/client";
import { LONG_TRANSACTION } from "../db/transaction-options";
import type { AfterPollContext, AfterPollStep } from "../poller/poller";
import { reflectPoll, type SourceHost } from "../reflect";
import { hostTypeOf, NO_HOST_TYPE } from "./host-types";
import { loadRecordsForUpdate, loadReflectionSettings, saveOutcomes, type SaveSummary } from "./store";


/**
 * Reflection after every poll. After a full read (and after a failed run) it compares every host
 * in the database with the stored records; otherwise it touches only the hosts the poll changed,
 * so a quiet poll of a large estate costs nothing.
 */
export function createReflectAfterPollStep(): AfterPollStep {
  let inSync = false;
  return async (context) => {
    const syncEverything = context.read === "full" || !inSync;
    inSync = false;
    if (syncEverything) await reflectAllHostsAfterPoll(context.database.prisma, context.now);
    else await reflectChangedHostsAfterPoll(context);
    inSync = true;
  };
}

/** Reflection for the hosts a poll added, changed (any attribute, so possibly the type) or removed. */
export async function reflectChangedHostsAfterPoll({ database, delta, now }: Pick<AfterPollContext, "database" | "delta" | "now">): Promise<SaveSummary | null> {
  if (delta.hostsToWrite.length === 0 && delta.removedHosts.length === 0) return null;
  const current: SourceHost[] = delta.hostsToWrite.map((host) => ({ host: host.name, type: hostTypeOf(host.hostTemplates) }));
  const hosts = [...current.map((host) => host.host), ...delta.removedHosts];
  return database.prisma.$transaction(async (tx) => {
    const { mode, exportSettings } = await loadReflectionSettings(tx, current.map((host) => host.type));
    const previous = await loadRecordsForUpdate(tx, { hosts });
    const result = reflectPoll({ mode, exportSettings, previous, current });
    return saveOutcomes(tx, previous, result.outcomes, { cause: "poll", userEmail: null, now });
  }, LONG_TRANSACTION);
}

/** Reflection against every host the database holds: the first run, after full reads, and to catch up. */
export async function reflectAllHostsAfterPoll(prisma: PrismaClient, now: number): Promise<SaveSummary> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.$queryRawUnsafe<SourceHost[]>(
      `SELECT h.name AS host, COALESCE((
         SELECT ht.name FROM "HostTemplateOnHost" t JOIN "HostTemplate" ht ON ht.id = t."hostTemplateId"
         WHERE t."hostId" = h.id ORDER BY t.priority, ht.name COLLATE "C" LIMIT 1), $1) AS type
       FROM "Host" h WHERE h."removedAt" IS NULL ORDER BY h.name`,
      NO_HOST_TYPE,
    );
    const { mode, exportSettings } = await loadReflectionSettings(tx);
    const previous = await loadRecordsForUpdate(tx, "all");
    const result = reflectPoll({ mode, exportSettings, previous, current });
    return saveOutcomes(tx, previous, result.outcomes, { cause: "poll", userEmail: null, now });
  }, LONG_TRANSACTION);
}
