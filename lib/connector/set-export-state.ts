// Rules: docs/connector-rules.md §2.1–§2.2 (changing an export state).
import { z } from "zod";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../config/inputs";
import { ValidationError } from "../errors/app-error";
import { changeExportState, exportStateChangeNeedsAdministrator, refreshPending } from "../reflect";
import { type ConnectorContext } from "./context";
import { storableText } from "../validation/fields";
import { loadExportSettings, loadRecordsForUpdate, saveOutcomes } from "./store";

const setExportStateInput = z.object({
  hostType: storableText().trim().min(1, "is required"),
  state: z.enum(["ON", "OFF", "NA"], { error: "must be ON, OFF or NA" }),
});

/**
 * Export settings: turns element creation for a host type on or off, or (administrators) makes it NA
 * or undoes that; its hosts become pending, nothing else.
 */
export async function setHostTypeExportState({ prisma, user, access }: ConnectorContext, raw: unknown, now = Date.now()): Promise<{ changed: boolean; pendingHosts: number }> {
  requireCapability(access, "configureBsmComponents");
  const { hostType, state } = parseInput(setExportStateInput, raw);
  return prisma.$transaction(async (tx) => {
    const settings = await loadExportSettings(tx);
    const before = settings.get(hostType);
    const change = changeExportState(settings, hostType, state);
    if (!change.ok) throw new ValidationError({ state: change.reason });
    if (before === state) return { changed: false, pendingHosts: 0 };
    if (before !== undefined && exportStateChangeNeedsAdministrator(before, state)) requireCapability(access, "administer");
    await tx.hostTypeExportSetting.upsert({ where: { hostType }, create: { hostType, state }, update: { state } });
    const affectedHosts = await tx.$queryRawUnsafe<{ host: string }[]>(
      `SELECT r.host FROM "ReflectedHost" r LEFT JOIN "HostElement" e ON e.host = r.host WHERE r."hostType" = $1 OR e."hostType" = $1`,
      hostType,
    );
    const records = await loadRecordsForUpdate(tx, { hosts: affectedHosts.map((row) => row.host) });
    const refreshed = refreshPending(records, change.settings);
    await saveOutcomes(tx, records, refreshed.map((record) => ({ record, actions: [] })), { cause: "reflect", userEmail: user.email, now });
    await recordAudit(tx, user, { action: "export-settings.update", target: `host-type:${hostType}`, detail: { from: before ?? null, to: state } });
    return { changed: true, pendingHosts: refreshed.filter((record) => record.pending).length };
  }, LONG_TRANSACTION);
}
