"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { saveContact } from "../notify/profiles/contact-store";
import { deleteProfile, saveProfile } from "../notify/profiles/profile-store";

/** Creates (no id) or updates one of the user's profiles; the result carries its id. */
export async function saveProfileAction(id: number | null, values: unknown): Promise<ActionResult<{ id: number }>> {
  return toActionResult("save the profile", async () => {
    const { user, access } = await requireAccess();
    const savedId = await saveProfile(getPrisma(), { user, access, id, raw: values });
    revalidatePath("/notifications");
    return { message: "Profile saved.", data: { id: savedId } };
  });
}

export async function deleteProfileAction(id: number): Promise<ActionResult> {
  return toActionResult("delete the profile", async () => {
    const { user, access } = await requireAccess();
    await deleteProfile(getPrisma(), { user, access, id });
    revalidatePath("/notifications");
    return "Profile deleted.";
  });
}

export async function saveContactAction(values: unknown): Promise<ActionResult> {
  return toActionResult("save the contact details", async () => {
    const { user, access } = await requireAccess();
    await saveContact(getPrisma(), { user, access, raw: values });
    revalidatePath("/notifications");
    return "Contact details saved.";
  });
}
