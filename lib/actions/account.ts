"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "../auth/api-tokens";
import { renewOwnSession } from "../auth/renew-session";
import { requireUser } from "../auth/session";
import { getPrisma } from "../db";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { NotFoundError } from "../errors/app-error";
import { changeOwnPassword } from "../users/passwords";
import { saveOwnPreferences } from "../users/preferences";

/** Creates one of the signed-in user's own tokens (name, scope "full", "read-only" or "metrics", optional expiry); the token is in this result only. */
export async function createApiTokenAction(input: { name: string; scope: string; expiresAt: string }): Promise<ActionResult<{ token: string; name: string }>> {
  return toActionResult("create the token", async () => {
    const user = await requireUser();
    const { token, view } = await createApiToken(getPrisma(), user, input);
    revalidatePath("/account");
    return { message: "Token created.", data: { token, name: view.name } };
  });
}

export async function revokeApiTokenAction(tokenId: number): Promise<ActionResult> {
  return toActionResult("revoke the token", async () => {
    const user = await requireUser();
    const revoked = Number.isSafeInteger(tokenId) && (await revokeApiToken(getPrisma(), user, tokenId));
    revalidatePath("/account");
    if (!revoked) throw new NotFoundError("No such token.");
    return "Token revoked.";
  });
}

/** Any signed-in user: changes their own password; their other sessions end, this one is renewed. */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return toActionResult("change the password", async () => {
    const user = await requireUser();
    const { sessionVersion } = await changeOwnPassword(getPrisma(), user, input);
    await renewOwnSession(user.id, sessionVersion);
    return "Password changed. Your other sessions have been signed out.";
  });
}

/** Any signed-in user: saves their own theme and time zone. */
export async function savePreferencesAction(input: unknown): Promise<ActionResult> {
  return toActionResult("save your preferences", async () => {
    const user = await requireUser();
    await saveOwnPreferences(getPrisma(), user.id, input);
    revalidatePath("/", "layout");
    return "Preferences saved.";
  });
}
