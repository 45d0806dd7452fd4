import type { PrismaClient } from "@prisma/client";
import { generatePassword } from "../auth/password";
import type { LogLine } from "../log";
import { createUser } from "../users/create-user";

export const DEMO_VIEWER = { email: "demo@bsm.local", password: "demo-viewer", name: "Demo viewer" } as const;
/** Sees every business service, component and host; configures nothing. */
export const VIEWER_ROLE = {
  name: "Viewer",
  description: "Sees everything in BSM, changes nothing",
  bsmAccess: true,
  viewAll: true,
  allBusinessServices: true,
} as const;
const DEFAULT_ADMIN_EMAIL = "admin@bsm.local";

interface AccountSettings {
  adminEmail?: string;
  adminPassword?: string;
  seedDemoViewer: boolean;
}

/**
 * On an empty database, creates the first admin (from the settings, or with a generated
 * password printed once) and, when asked, the demo viewer. Does nothing once users exist.
 */
export async function bootstrapAccounts(
  prisma: PrismaClient,
  settings: AccountSettings,
  log: LogLine,
): Promise<void> {
  if ((await prisma.user.count()) > 0) return;
  const email = settings.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const password = settings.adminPassword ?? generatePassword();
  await createUser(prisma, { email, name: "Administrator", password, isAdmin: true });
  if (settings.adminPassword) {
    log(`Created the first admin account ${email} (password from BSM_ADMIN_PASSWORD).`);
  } else {
    log(`Created the first admin account: ${email} / ${password}  (shown only this once)`);
  }
  if (settings.seedDemoViewer) {
    const viewer = await createUser(prisma, { ...DEMO_VIEWER, isAdmin: false });
    const role = await prisma.role.upsert({
      where: { name: VIEWER_ROLE.name },
      create: VIEWER_ROLE,
      update: {},
    });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: role.id } });
    log(`Created the demo viewer account: ${DEMO_VIEWER.email} / ${DEMO_VIEWER.password}`);
  }
}
