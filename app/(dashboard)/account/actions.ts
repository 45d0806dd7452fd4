"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { renewOwnSession } from "@/lib/auth/renew-session";
import { requireUser } from "@/lib/auth/session";
import { ConfigInputError } from "@/lib/config/errors";
import { toActionResult, type ActionResult } from "@/lib/connector/action-result";
import { getPrisma } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/passwords";

export type CreateTokenResult =
  | { status: "ok"; token: string; name: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string> }
  | { status: "idle" };

/** Creates one of the signed-in user's own tokens (name, scope "full" or "read-only", optional expiry). */
export async function createApiTokenAction(input: { name: string; scope: string; expiresAt: string }): Promise<CreateTokenResult> {
  const user = await requireUser();
  try {
    const { token, view } = await createApiToken(getPrisma(), user, input);
    revalidatePath("/account");
    return { status: "ok", token, name: view.name };
  } catch (error) {
    if (error instanceof ConfigInputError) return { status: "error", message: "The token was not created: check the fields.", fieldErrors: error.fieldErrors };
    throw error;
  }
}

export async function revokeApiTokenAction(tokenId: number): Promise<{ status: "ok" | "error"; message: string }> {
  const user = await requireUser();
  const revoked = Number.isSafeInteger(tokenId) && (await revokeApiToken(getPrisma(), user, tokenId));
  revalidatePath("/account");
  return revoked ? { status: "ok", message: "Token revoked." } : { status: "error", message: "No such token." };
}

/** Any signed-in user: changes their own password; their other sessions end, this one is renewed. */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return toActionResult("change the password", async () => {
    const { sessionVersion } = await changeOwnPassword(getPrisma(), user, input);
    await renewOwnSession(user.id, sessionVersion);
    return "Password changed. Your other sessions have been signed out.";
  });
}
