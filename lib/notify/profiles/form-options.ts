import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";

/** What the profile form may offer: only objects the user may see; roles for administrators. */
export async function loadProfileFormOptions(prisma: PrismaClient, access: Access) {
  const isAdmin = access.has("administer");
  const [services, components, roles] = await Promise.all([
    prisma.businessService.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.component.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    isAdmin ? prisma.role.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : Promise.resolve([]),
  ]);
  return {
    businessServices: services.filter((service) => access.canSeeService(service.id)),
    components: components.filter((component) => access.canSeeComponent(component.id)),
    roles,
    isAdmin,
  };
}
