import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { canSeeEstateFigures } from "../auth/estate-figures";
import { hostVisibilityCondition } from "../connector/host-visibility";

export interface ConfigurationCounts {
  businessServices: number;
  components: number;
  hosts: number;
  serviceChecks: number;
  /** Administrators only. */
  users: number | null;
}

/**
 * What the dashboard counts for this user: the whole estate for those who may see it, otherwise
 * only what they may see; null without BSM access (no figures at all).
 */
export async function getConfigurationCounts(prisma: PrismaClient, access: Access): Promise<ConfigurationCounts | null> {
  if (!access.has("bsm")) return null;
  const users = access.has("administer") ? await prisma.user.count() : null;
  if (canSeeEstateFigures(access)) {
    const [businessServices, components, hosts, serviceChecks] = await Promise.all([
      prisma.businessService.count(),
      prisma.component.count(),
      prisma.host.count(),
      prisma.serviceCheck.count(),
    ]);
    return { businessServices, components, hosts, serviceChecks, users };
  }
  const visibility = hostVisibilityCondition(access, 1);
  const [visible] = await prisma.$queryRawUnsafe<{ hosts: bigint | number; checks: bigint | number }[]>(
    `SELECT COUNT(*) AS hosts, COALESCE(SUM((SELECT COUNT(*) FROM "ServiceCheck" sc WHERE sc."hostId" = h.id)), 0) AS checks
     FROM "Host" h WHERE ${visibility.sql}`,
    ...visibility.params,
  );
  return {
    businessServices: access.visibleServiceIds().length,
    components: access.visibleComponentIds().length,
    hosts: Number(visible?.hosts ?? 0),
    serviceChecks: Number(visible?.checks ?? 0),
    users,
  };
}
