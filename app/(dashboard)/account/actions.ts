"use server";

import { revalidatePath } from "next/cache";
import { apiTokenName, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { renewOwnSession } from "@/lib/auth/renew-session";
import { requireUser } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/connector/action-result";
import { getPrisma } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/passwords";

export type CreateTokenResult = { status: "ok"; token: string; name: string } | { status: "error"; message: string } | { status: "idle" };

export async function createApiTokenAction(name: string): Promise<CreateTokenResult> {
  const user = await requireUser();
  const parsed = apiTokenName.safeParse(name);
  if (!parsed.success) return { status: "error", message: `Token name ${parsed.error.issues[0]?.message ?? "is invalid"}` };
  const { token, view } = await createApiToken(getPrisma(), user, parsed.data);
  revalidatePath("/account");
  return { status: "ok", token, name: view.name };
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
