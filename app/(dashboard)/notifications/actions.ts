"use server";

import { revalidatePath } from "next/cache";
import { AccessDeniedError } from "@/lib/auth/access";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { saveContact, type SaveContactResult } from "@/lib/notify/profiles/contact-store";
import { deleteProfile, saveProfile, type SaveProfileResult } from "@/lib/notify/profiles/profile-store";

function refusal(error: unknown): { ok: false; fieldErrors: { form: string } } {
  if (error instanceof AccessDeniedError) return { ok: false, fieldErrors: { form: error.message } };
  throw error;
}

export async function saveProfileAction(id: number | null, values: unknown): Promise<SaveProfileResult> {
  const { user, access } = await requireAccess();
  try {
    const result = await saveProfile(getPrisma(), { user, access, id, raw: values });
    if (result.ok) revalidatePath("/notifications");
    return result;
  } catch (error) {
    return refusal(error);
  }
}

export async function deleteProfileAction(id: number): Promise<{ ok: true } | { ok: false; fieldErrors: { form: string } }> {
  const { user, access } = await requireAccess();
  try {
    await deleteProfile(getPrisma(), { user, access, id });
    revalidatePath("/notifications");
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

export async function saveContactAction(values: unknown): Promise<SaveContactResult> {
  const { user, access } = await requireAccess();
  try {
    const result = await saveContact(getPrisma(), { user, access, raw: values });
    if (result.ok) revalidatePath("/notifications");
    return result;
  } catch (error) {
    return refusal(error);
  }
}
