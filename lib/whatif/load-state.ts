import type { PrismaClient } from "@prisma/client";
import type { BsmConfig, ServiceCheckStatus } from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { loadChecks } from "../status/availability";

/** The current state a what-if starts from: the configuration and the stored checks of every component host. */
export async function loadWhatIfState(prisma: PrismaClient): Promise<{ config: BsmConfig; checks: ServiceCheckStatus[] }> {
  const config = await loadBsmConfig(prisma);
  const hosts = [...new Set(config.components.flatMap((component) => component.hosts))];
  return { config, checks: hosts.length === 0 ? [] : await loadChecks(prisma, hosts) };
}
