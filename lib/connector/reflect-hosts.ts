// Rules: docs/connector-rules.md §5 (Reflect, Reflect All) and §7 (permissions).
import { z } from "zod";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../config/inputs";
import { NotFoundError } from "../errors/app-error";
import { reflectAll, reflectHost } from "../reflect";
import { hostNameInput, requireConfigurableHost, type ConnectorContext } from "./context";
import { loadExportSettings, loadRecordsForUpdate, saveOutcomes, type SaveSummary } from "./store";
import { visibleHostNames } from "./host-visibility";

const reflectHostInput = z.object({ host: hostNameInput });

export interface ReflectResult {
  /** Hosts whose element changed or failed; 0 when there was nothing to do (a second click). */
  hostsChanged: number;
  created: number;
  deleted: number;
  failed: { host: string; message: string }[];
}

function summarise(summary: SaveSummary): ReflectResult {
  const hostsChanged = summary.outcomes.filter((outcome) => outcome.actions.length > 0 || outcome.record.status === "Error").length;
  return { hostsChanged, created: summary.created, deleted: summary.deleted, failed: summary.failed };
}

/** The Reflect button: applies the desired element state to one pending host; does nothing otherwise. */
export async function reflectOneHost({ prisma, user, access }: ConnectorContext, raw: unknown, now = Date.now()): Promise<ReflectResult> {
  const { host } = parseInput(reflectHostInput, raw);
  await requireConfigurableHost(prisma, access, host);
  return prisma.$transaction(async (tx) => {
    const [record] = await loadRecordsForUpdate(tx, { hosts: [host] });
    if (!record) throw new NotFoundError(`There is no host called ${host}`);
    const exportSettings = await loadExportSettings(tx);
    const summary = await saveOutcomes(tx, [record], [reflectHost(record, exportSettings)], { cause: "reflect", userEmail: user.email, now });
    const result = summarise(summary);
    if (result.hostsChanged > 0) {
      await recordAudit(tx, user, {
        action: "reflect.host",
        target: `host:${host}`,
        detail: { actions: summary.outcomes.flatMap((outcome) => outcome.actions.map((action) => `${action.kind} ${action.hostType}`)), failed: result.failed },
      });
    }
    return result;
  }, LONG_TRANSACTION);
}

/** The Reflect All button: Reflect on every pending host the user may see, in one transaction. */
export async function reflectAllHosts({ prisma, user, access }: ConnectorContext, now = Date.now()): Promise<ReflectResult> {
  requireCapability(access, "configureBsmComponents");
  return prisma.$transaction(async (tx) => {
    const pending = await loadRecordsForUpdate(tx, "pending");
    const visible = await visibleHostNames(tx, access, pending.map((record) => record.host));
    const records = pending.filter((record) => visible.has(record.host));
    const exportSettings = await loadExportSettings(tx);
    const summary = await saveOutcomes(tx, records, reflectAll(records, exportSettings).outcomes, { cause: "reflect-all", userEmail: user.email, now });
    const result = summarise(summary);
    if (result.hostsChanged > 0) {
      await recordAudit(tx, user, {
        action: "reflect.all",
        target: "hosts",
        detail: { hosts: result.hostsChanged, created: result.created, deleted: result.deleted, failed: result.failed.slice(0, 50) },
      });
    }
    return result;
  }, LONG_TRANSACTION);
}
