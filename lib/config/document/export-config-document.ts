import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { readEditableConfiguration, requireDocumentAccess } from "./read-configuration";
import { CONFIG_DOCUMENT_VERSION, type ConfigDocument } from "./schema";

/**
 * The configuration the caller may change, as one document sorted by name: components only with
 * CONFIGUREBSMCOMPONENTS and all their hosts visible (so no hidden host is named), business
 * services only where the caller may edit them.
 */
export async function exportConfigDocument(prisma: PrismaClient, access: Access): Promise<ConfigDocument> {
  requireDocumentAccess(access);
  const { components, businessServices } = await readEditableConfiguration(prisma, access);
  return {
    version: CONFIG_DOCUMENT_VERSION,
    components: components.map(({ name, hostTemplate, hosts, requiredOnline, notes, rule }) => ({ name, hostTemplate, hosts, requiredOnline, notes, ...(rule ? { rule } : {}) })),
    businessServices,
  };
}
