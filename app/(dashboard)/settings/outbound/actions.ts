"use server";

import { revalidatePath } from "next/cache";
import { AccessDeniedError } from "@/lib/auth/access";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { saveOutboundPolicy, type SaveOutboundPolicyResult } from "@/lib/notify/outbound-policy-store";

/** Administrators only: saveOutboundPolicy checks the capability itself. */
export async function saveOutboundPolicyAction(values: unknown): Promise<SaveOutboundPolicyResult> {
  const { user, access } = await requireAccess();
  try {
    const result = await saveOutboundPolicy(getPrisma(), { user, access, raw: values });
    if (result.ok) revalidatePath("/settings/outbound");
    return result;
  } catch (error) {
    if (error instanceof AccessDeniedError) return { ok: false, fieldErrors: { form: error.message } };
    throw error;
  }
}
