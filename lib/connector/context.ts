import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import type { ConfigContext } from "../config/context";
import { NotFoundError } from "../errors/app-error";
import { storableText } from "../validation/fields";
import { visibleHostNames } from "./host-visibility";

/** Who acts, what they may do, and the database: the same context configuration operations take. */
export type ConnectorContext = ConfigContext;


export const hostNameInput = storableText().trim().min(1, "is required").max(255, "must be at most 255 characters");

/** Reflect and the export flag need CONFIGUREBSMCOMPONENTS and a host the user may see. */
export async function requireConfigurableHost(prisma: PrismaClient, access: Access, host: string): Promise<void> {
  requireCapability(access, "configureBsmComponents");
  if (!(await visibleHostNames(prisma, access, [host])).has(host)) throw new NotFoundError(`There is no host called ${host}`);
}
