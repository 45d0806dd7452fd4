import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { ValidationError } from "../errors/app-error";

/** What the metrics part of Settings shows. */
export interface MetricsSettingsForm {
  anonymous: boolean;
  updatedAt: string | null;
  updatedByEmail: string | null;
}

/** Whether an administrator allowed anyone to read /metrics (off until one does). */
export async function loadAnonymousMetrics(prisma: Pick<PrismaClient, "$queryRaw">): Promise<boolean> {
  // Raw: every scrape asks.
  const [row] = await prisma.$queryRaw<{ anonymous: boolean }[]>`SELECT anonymous FROM "MetricsSettings" WHERE id = 1`;
  return row?.anonymous ?? false;
}

export async function loadMetricsSettingsForm(prisma: PrismaClient, access: Access): Promise<MetricsSettingsForm> {
  requireCapability(access, "administer");
  const row = await prisma.metricsSettings.findUnique({ where: { id: 1 } });
  return { anonymous: row?.anonymous ?? false, updatedAt: row?.updatedAt.toISOString() ?? null, updatedByEmail: row?.updatedByEmail ?? null };
}

const formSchema = z.object({ anonymous: z.boolean({ error: "must be true or false" }) }, { error: "must be an object with anonymous" });

/** Turns anonymous metrics on or off (administrators only), audited in the same transaction. */
export async function saveMetricsSettings(prisma: PrismaClient, { user, access, raw }: { user: AuditActor; access: Access; raw: unknown }): Promise<void> {
  requireCapability(access, "administer");
  const form = formSchema.safeParse(raw);
  if (!form.success) throw ValidationError.fromIssues(form.error.issues);
  await prisma.$transaction(async (tx) => {
    const data = { anonymous: form.data.anonymous, updatedByEmail: user.email };
    await tx.metricsSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, user, { action: "metricsSettings.update", target: "metricsSettings", detail: { anonymous: form.data.anonymous } });
  });
}
