import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

import { requireCapability, type Access } from "../../auth/access";
import { recordAudit } from "../../audit/record-audit";
import { ValidationError } from "../../errors/app-error";
import { storableText } from "../../validation/fields";
import { collectFieldErrors } from "./profile-input";
import type { ProfileUser } from "./profile-store";

// A user's contact details for methods: OPSVIEW_CONTACTPAGER and the OPSVIEW_CONTACT_{NAME} variables.

export const contactInputSchema = z.object({
  pager: storableText().trim().max(64, "At most 64 characters"),
  variables: storableText().transform((text, context) => {
    const variables: Record<string, string> = {};
    for (const line of text.split(/\r?\n/).map((entry) => entry.trim()).filter((entry) => entry !== "")) {
      const equals = line.indexOf("=");
      const name = equals < 0 ? "" : line.slice(0, equals).trim();
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
        context.addIssue({ code: "custom", message: `"${line}" is not NAME=value (letters, digits and _ in the name)` });
        return z.NEVER;
      }
      variables[name.toUpperCase()] = line.slice(equals + 1).trim();
    }
    return variables;
  }),
});

export interface ContactDetails {
  pager: string;
  variables: Record<string, string>;
}

export async function getContact(prisma: PrismaClient, userId: string): Promise<ContactDetails> {
  const row = await prisma.notificationContact.findUnique({ where: { userId } });
  const variables = row?.variables;
  return {
    pager: row?.pager ?? "",
    variables: variables && typeof variables === "object" && !Array.isArray(variables) ? (variables as Record<string, string>) : {},
  };
}

/** Saves the user's own contact details; bad ones save nothing (ValidationError). */
export async function saveContact(
  prisma: PrismaClient,
  { user, access, raw }: { user: ProfileUser; access: Access; raw: unknown },
): Promise<void> {
  requireCapability(access, "bsm");
  const parsed = contactInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(collectFieldErrors(parsed.error));
  const { pager, variables } = parsed.data;
  await prisma.$transaction(async (tx) => {
    await tx.notificationContact.upsert({ where: { userId: user.id }, create: { userId: user.id, pager, variables }, update: { pager, variables } });
    await recordAudit(tx, user, { action: "notificationContact.update", target: `user:${user.id}`, detail: { pager, variables: Object.keys(variables) } });
  });
}
