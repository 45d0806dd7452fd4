import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { authorizeCredential } from "../api/authenticate";
import { createApiToken, revokeApiToken } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { endSessions, findSessionUser, type SessionClaims } from "../auth/session-user";
import { statusOfRejection } from "../errors/testing";
import { authenticateUser } from "./authenticate";
import { createUser } from "./create-user";
import { deleteUser, setUserAccess } from "./manage-users";
import { changeOwnPassword, resetUserPassword } from "./passwords";
import { saveRole } from "./roles";

const HOUR = 3600_000;
const ROLE = {
  name: "Viewers",
  bsmAccess: true,
  viewAll: true,
  allBusinessServices: true,
  grantServicesOfComponents: false,
  configureBsm: false,
  configureBsmComponents: false,
  hostGroups: [],
  keywords: [],
  businessServices: [],
};

describe.each(RUNTIMES)("ending sessions on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const adminContext = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const { id: roleId } = await saveRole(await adminContext(), null, ROLE);
    const user = await createUser(prisma, { email: "op@test.local", name: "Operator", password: "operator-pw", isAdmin: false });
    await prisma.user.update({ where: { id: user.id }, data: { roleId } });
    /** A session as sign-in would issue it now. */
    const signIn = async (userId: string): Promise<SessionClaims> => {
      const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
      return { userId, sessionVersion, expiresAt: Date.now() + HOUR };
    };
    return { prisma, admin, user, roleId, adminContext, signIn };
  }

  it("a session is good until it expires", async () => {
    const { prisma, user, signIn } = await setUp();
    const session = await signIn(user.id);
    expect(await findSessionUser(prisma, session)).toMatchObject({ id: user.id, email: "op@test.local" });
    expect(await findSessionUser(prisma, { ...session, expiresAt: Date.now() - 1 })).toBeNull();
  });

  it("changing one's own password needs the current one and ends every earlier session, audited", async () => {
    const { prisma, user, signIn } = await setUp();
    const before = await signIn(user.id);
    await expect(changeOwnPassword(prisma, user, { currentPassword: "wrong", newPassword: "new-password-1", confirmPassword: "new-password-1" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "is not your current password" },
    });
    await expect(changeOwnPassword(prisma, user, { currentPassword: "operator-pw", newPassword: "new-password-1", confirmPassword: "new-password-2" })).rejects.toMatchObject({
      fieldErrors: { confirmPassword: "does not match the new password" },
    });
    await expect(changeOwnPassword(prisma, user, { currentPassword: "operator-pw", newPassword: "short", confirmPassword: "short" })).rejects.toMatchObject({
      fieldErrors: { newPassword: "must be at least 8 characters" },
    });
    expect(await findSessionUser(prisma, before)).not.toBeNull();

    const { sessionVersion } = await changeOwnPassword(prisma, user, { currentPassword: "operator-pw", newPassword: "new-password-1", confirmPassword: "new-password-1" });
    expect(await findSessionUser(prisma, before)).toBeNull();
    expect(await findSessionUser(prisma, { ...before, sessionVersion })).not.toBeNull();
    expect(await authenticateUser(prisma, "op@test.local", "operator-pw")).toBeNull();
    expect(await authenticateUser(prisma, "op@test.local", "new-password-1")).toMatchObject({ id: user.id });
    expect(await prisma.auditEntry.findMany({ where: { action: "user.password.change" }, select: { userEmail: true, target: true } })).toEqual([
      { userEmail: "op@test.local", target: "user:op@test.local" },
    ]);
  });

  it("an administrator's password reset ends the user's sessions, audited; others and oneself are refused", async () => {
    const { prisma, admin, user, adminContext, signIn } = await setUp();
    const before = await signIn(user.id);
    await expect(resetUserPassword({ prisma, user, access: await loadAccess(prisma, user.id) }, admin.id, { password: "taken-over-1" })).rejects.toThrow(/administ/i);
    await expect(resetUserPassword(await adminContext(), admin.id, { password: "my-own-new-1" })).rejects.toMatchObject({ fieldErrors: { password: "change your own password on Account" } });
    await expect(resetUserPassword(await adminContext(), user.id, { password: "short" })).rejects.toMatchObject({ fieldErrors: { password: "must be at least 8 characters" } });
    await expect(resetUserPassword(await adminContext(), "no-such-user", { password: "long-enough-1" })).rejects.toThrow("no such user");
    expect(await findSessionUser(prisma, before)).not.toBeNull();

    await resetUserPassword(await adminContext(), user.id, { password: "reset-password-1" });
    expect(await findSessionUser(prisma, before)).toBeNull();
    expect(await authenticateUser(prisma, "op@test.local", "reset-password-1")).toMatchObject({ id: user.id });
    expect(await prisma.auditEntry.findMany({ where: { action: "user.password.reset" }, select: { userEmail: true, target: true } })).toEqual([
      { userEmail: "admin@test.local", target: "user:op@test.local" },
    ]);
  });

  it("a change of role or admin flag ends the user's sessions; saving the same access does not", async () => {
    const { prisma, user, roleId, adminContext, signIn } = await setUp();
    const first = await signIn(user.id);
    await setUserAccess(await adminContext(), user.id, { isAdmin: false, roleId });
    expect(await findSessionUser(prisma, first)).not.toBeNull();
    await setUserAccess(await adminContext(), user.id, { isAdmin: false, roleId: null });
    expect(await findSessionUser(prisma, first)).toBeNull();
    const second = await signIn(user.id);
    await setUserAccess(await adminContext(), user.id, { isAdmin: true, roleId: null });
    expect(await findSessionUser(prisma, second)).toBeNull();
  });

  it("a deleted user's sessions and tokens find no one", async () => {
    const { prisma, user, adminContext, signIn } = await setUp();
    const session = await signIn(user.id);
    const { token } = await createApiToken(prisma, user, { name: "script" });
    await deleteUser(await adminContext(), user.id);
    expect(await findSessionUser(prisma, session)).toBeNull();
    expect(await statusOfRejection(authorizeCredential(prisma, { kind: "session", claims: session }, "GET"))).toBe(401);
    expect(await statusOfRejection(authorizeCredential(prisma, { kind: "token", token }, "GET"))).toBe(401);
  });

  it("sign-out ends the sessions only when its cookie is current, so an ended cookie cannot sign the user out again", async () => {
    const { prisma, user, signIn } = await setUp();
    const old = await signIn(user.id);
    expect(await endSessions(prisma, user.id, old.sessionVersion)).toBe(old.sessionVersion + 1);
    const current = await signIn(user.id);
    expect(await endSessions(prisma, user.id, old.sessionVersion)).toBeNull();
    expect(await findSessionUser(prisma, current)).not.toBeNull();
  });

  it("a credential checked again (as an open event stream does) fails once the token is revoked or BSM access is gone", async () => {
    const { prisma, user, roleId, adminContext, signIn } = await setUp();
    const { token, view } = await createApiToken(prisma, user, { name: "stream" });
    expect((await authorizeCredential(prisma, { kind: "token", token }, "GET")).user.id).toBe(user.id);
    await revokeApiToken(prisma, user, view.id);
    expect(await statusOfRejection(authorizeCredential(prisma, { kind: "token", token }, "GET"))).toBe(401);

    const session = await signIn(user.id);
    expect((await authorizeCredential(prisma, { kind: "session", claims: session }, "GET")).via).toBe("session");
    const { token: second } = await createApiToken(prisma, user, { name: "second" });
    await saveRole(await adminContext(), roleId, { ...ROLE, bsmAccess: false });
    expect(await statusOfRejection(authorizeCredential(prisma, { kind: "token", token: second }, "GET"))).toBe(403);
    expect(await statusOfRejection(authorizeCredential(prisma, { kind: "session", claims: session }, "GET"))).toBe(403);
  });
});
