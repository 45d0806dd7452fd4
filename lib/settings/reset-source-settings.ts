import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Administrators only: forgets the saved settings, so the environment's (BSM_SOURCE…) apply again. Idempotent. */
export async function resetSourceSettings(prisma: PrismaClient, actor: AuditActor, access: Access): Promise<void> {
  requireCapability(access, "administer");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.sourceSettings.deleteMany({ where: { id: 1 } });
    if (count > 0) await recordAudit(tx, actor, { action: "source-settings.reset", target: "source-settings" });
  });
}
