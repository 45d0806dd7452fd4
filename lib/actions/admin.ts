"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { renewOwnSession } from "../auth/renew-session";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { createUserAsAdmin, deleteUser, setUserAccess } from "../users/manage-users";
import { resetUserPassword } from "../users/passwords";
import { deleteRole, saveRole } from "../users/roles";

// Administrators only: each lib/users function checks the permission itself.

async function run(what: string, operation: () => Promise<string>): Promise<ActionResult> {
  const result = await toActionResult(what, operation);
  revalidatePath("/admin");
  return result;
}

export async function saveRoleAction(roleId: number | null, input: unknown): Promise<ActionResult> {
  return run("save the role", async () => {
    await saveRole(await requireActionContext(), roleId, input);
    return "Role saved.";
  });
}

export async function deleteRoleAction(roleId: number): Promise<ActionResult> {
  return run("delete the role", async () => {
    await deleteRole(await requireActionContext(), roleId);
    return "Role deleted.";
  });
}

export async function createUserAction(input: unknown): Promise<ActionResult> {
  return run("create the user", async () => {
    await createUserAsAdmin(await requireActionContext(), input);
    return "User created.";
  });
}

export async function setUserAccessAction(userId: string, input: unknown): Promise<ActionResult> {
  return run("change the user", async () => {
    const admin = await requireActionContext();
    const { sessionVersion } = await setUserAccess(admin, userId, input);
    // A change of one's own role ends one's sessions too; this browser's is renewed.
    if (sessionVersion !== null && userId === admin.user.id) await renewOwnSession(userId, sessionVersion);
    return "User saved.";
  });
}

export async function deleteUserAction(userId: string): Promise<ActionResult> {
  return run("delete the user", async () => {
    await deleteUser(await requireActionContext(), userId);
    return "User deleted.";
  });
}

/** Sets another user's password, which ends that user's sessions. */
export async function resetUserPasswordAction(userId: string, input: unknown): Promise<ActionResult> {
  return run("reset the password", async () => {
    await resetUserPassword(await requireActionContext(), userId, input);
    return "Password reset; the user's sessions have ended.";
  });
}
