import type { PrismaClient } from "@prisma/client";
import { createAccess, NO_GRANTS, type Grants } from "../../auth/access";
import { loadAccessEstate } from "../../auth/load-access";
import type { SystemActor } from "../../audit/record-audit";
import type { DocumentContext } from "./import-config-document";

/** The author of command-line imports in the audit log (no user row). */
export const CONFIG_IMPORT_SYSTEM_ACTOR: SystemActor = { id: null, email: "system (config:import)" };

/** The command line's context: an administrator's reach (whoever runs it holds the database), audited as the system. */
export async function systemDocumentContext(prisma: PrismaClient): Promise<DocumentContext> {
  const grants: Grants = { ...NO_GRANTS, isAdmin: true };
  return { prisma, user: CONFIG_IMPORT_SYSTEM_ACTOR, access: createAccess(grants, await loadAccessEstate(prisma, grants)) };
}
