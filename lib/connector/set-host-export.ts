// Rules: docs/connector-rules.md §1.4 and §2.2 (the export flag).
import { z } from "zod";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../config/inputs";
import { NotFoundError } from "../errors/app-error";
import { setHostExportEnabled, statusOfPresentHost, type HostRecord } from "../reflect";
import { hostNameInput, requireConfigurableHost, type ConnectorContext } from "./context";
import { insertHostEvent, loadExportSettings, loadRecordsForUpdate, saveOutcomes } from "./store";

const setHostExportInput = z.object({ host: hostNameInput, exportEnabled: z.boolean({ error: "must be on or off" }) });

/** The Overview table's export toggle: only makes the host pending; Reflect acts on it. */
export async function setHostExport({ prisma, user, access }: ConnectorContext, raw: unknown, now = Date.now()): Promise<{ changed: boolean; record: HostRecord }> {
  const { host, exportEnabled } = parseInput(setHostExportInput, raw);
  await requireConfigurableHost(prisma, access, host);
  return prisma.$transaction(async (tx) => {
    const [record] = await loadRecordsForUpdate(tx, { hosts: [host] });
    if (!record) throw new NotFoundError(`There is no host called ${host}`);
    if (record.exportEnabled === exportEnabled) return { changed: false, record };
    const exportSettings = await loadExportSettings(tx);
    let next = setHostExportEnabled(record, exportEnabled, exportSettings);
    // An error is shown only while the host still waits for a Reflect.
    if (next.status === "Error" && !next.pending) {
      next = { ...next, status: next.removed ? "Removed" : statusOfPresentHost(next, exportSettings), message: null };
    }
    await saveOutcomes(tx, [record], [{ record: next, actions: [] }], { cause: "reflect", userEmail: user.email, now });
    await insertHostEvent(tx, { host, kind: exportEnabled ? "export.on" : "export.off", hostType: record.type, cause: "user", userEmail: user.email, now });
    await recordAudit(tx, user, { action: "host.export", target: `host:${host}`, detail: { exportEnabled, pending: next.pending } });
    return { changed: true, record: next };
  }, LONG_TRANSACTION);
}
