// Settings → History: how long history is kept (administrators only), and how far the history job got.

import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { ValidationError } from "../errors/app-error";
import { loadHistorySettings } from "./job";

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export interface HistoryRetentionForm {
  retentionDays: number;
  /** ISO times; null before the history job first got there. */
  rolledUpTo: string | null;
  checkpointedTo: string | null;
  prunedAt: string | null;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export async function loadHistoryRetentionForm(prisma: PrismaClient, access: Access): Promise<HistoryRetentionForm> {
  requireCapability(access, "administer");
  const settings = await loadHistorySettings(prisma);
  return { retentionDays: settings.retentionDays, rolledUpTo: iso(settings.rolledUpTo), checkpointedTo: iso(settings.checkpointedTo), prunedAt: iso(settings.prunedAt) };
}

const RETENTION_MESSAGE = `Whole days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`;
const formSchema = z.object(
  {
    retentionDays: z.coerce
      .number({ error: RETENTION_MESSAGE })
      .int({ error: RETENTION_MESSAGE })
      .min(MIN_RETENTION_DAYS, { error: RETENTION_MESSAGE })
      .max(MAX_RETENTION_DAYS, { error: RETENTION_MESSAGE }),
  },
  { error: "must be an object with retentionDays" },
);

/** Sets the retention (administrators only), audited in the same transaction; the next pruning uses it. */
export async function saveHistoryRetention(prisma: PrismaClient, { user, access, raw }: { user: AuditActor; access: Access; raw: unknown }): Promise<void> {
  requireCapability(access, "administer");
  const form = formSchema.safeParse(raw);
  if (!form.success) throw ValidationError.fromIssues(form.error.issues);
  const { retentionDays } = form.data;
  await prisma.$transaction(async (tx) => {
    const before = await tx.historySettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    // A new retention is applied at the next run, not an hour after the last pruning.
    await tx.historySettings.update({ where: { id: 1 }, data: { retentionDays, prunedAt: null } });
    await recordAudit(tx, user, { action: "historySettings.update", target: "historySettings", detail: { retentionDays, previous: before.retentionDays } });
  });
}
