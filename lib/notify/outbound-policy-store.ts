import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

import { requireCapability, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { ValidationError } from "../errors/app-error";
import { DEFAULT_OUTBOUND_POLICY, parseOutboundPolicy, readOutboundPolicy, splitOutboundEntries, type OutboundPolicy } from "./outbound-policy";

/** What the Settings → Outbound targets form shows and sends: one entry per line. */
export interface OutboundPolicyForm {
  allow: string;
  deny: string;
  updatedAt: string | null;
  updatedByEmail: string | null;
}

const MAX_ENTRIES = 500;

const formSchema = z.object({
  allow: z.string().max(50_000, "At most 50,000 characters"),
  deny: z.string().max(50_000, "At most 50,000 characters"),
});

/** The administrator's policy, or the default when none was saved. */
export async function loadOutboundPolicy(prisma: Pick<PrismaClient, "outboundPolicySettings">): Promise<OutboundPolicy> {
  const row = await prisma.outboundPolicySettings.findUnique({ where: { id: 1 } });
  return row ? parseOutboundPolicy({ allow: row.allow, deny: row.deny }) : DEFAULT_OUTBOUND_POLICY;
}

export async function loadOutboundPolicyForm(prisma: PrismaClient, access: Access): Promise<OutboundPolicyForm> {
  requireCapability(access, "administer");
  const row = await prisma.outboundPolicySettings.findUnique({ where: { id: 1 } });
  return {
    allow: row?.allow.join("\n") ?? "",
    deny: row?.deny.join("\n") ?? "",
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedByEmail: row?.updatedByEmail ?? null,
  };
}

/** Saves the policy from the form (administrators only), audited in the same transaction; a bad entry saves nothing (ValidationError). */
export async function saveOutboundPolicy(
  prisma: PrismaClient,
  { user, access, raw }: { user: AuditActor; access: Access; raw: unknown },
): Promise<void> {
  requireCapability(access, "administer");
  const form = formSchema.safeParse(raw);
  if (!form.success) {
    const issue = form.error.issues[0];
    throw new ValidationError({ [issue.path.map(String).join(".") || "form"]: issue.message });
  }
  const allow = splitOutboundEntries(form.data.allow);
  const deny = splitOutboundEntries(form.data.deny);
  const tooMany = { ...(allow.length > MAX_ENTRIES ? { allow: `At most ${MAX_ENTRIES} entries` } : {}), ...(deny.length > MAX_ENTRIES ? { deny: `At most ${MAX_ENTRIES} entries` } : {}) };
  if (Object.keys(tooMany).length > 0) throw new ValidationError(tooMany);
  const parsed = readOutboundPolicy({ allow, deny });
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  await prisma.$transaction(async (tx) => {
    const data = { allow, deny, updatedByEmail: user.email };
    await tx.outboundPolicySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, user, { action: "outboundPolicy.update", target: "outboundPolicy", detail: { allow, deny } });
  });
}
