import type { PrismaClient } from "@prisma/client";

export interface ConfigurationCounts {
  businessServices: number;
  components: number;
  hosts: number;
  serviceChecks: number;
  users: number;
}

export async function getConfigurationCounts(prisma: PrismaClient): Promise<ConfigurationCounts> {
  const [businessServices, components, hosts, serviceChecks, users] = await Promise.all([
    prisma.businessService.count(),
    prisma.component.count(),
    prisma.host.count(),
    prisma.serviceCheck.count(),
    prisma.user.count(),
  ]);
  return { businessServices, components, hosts, serviceChecks, users };
}
