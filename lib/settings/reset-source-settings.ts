import type { PrismaClient } from "@prisma/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Forgets the saved settings, so the environment's (BSM_SOURCE…) apply again. Idempotent. */
export async function resetSourceSettings(prisma: PrismaClient, actor: AuditActor): Promise<{ ok: true; message: string }> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.sourceSettings.deleteMany({ where: { id: 1 } });
    if (count > 0) await recordAudit(tx, actor, { action: "source-settings.reset", target: "source-settings" });
  });
  return { ok: true, message: "The saved settings were removed; the environment's settings apply again." };
}
