import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";
import { inChunks } from "../db/in-chunks";
import { ValidationError } from "../errors/app-error";
/**
 * Every host must exist and use the template; hosts the editor cannot see may only stay where
 * they already are (keptHostIds), never be added.
 */
export async function checkComponentHosts(
  tx: Prisma.TransactionClient,
  access: Access,
  input: { hostTemplateId: number; hostIds: number[] },
  keptHostIds: ReadonlySet<number>,
): Promise<void> {
  const template = await tx.hostTemplate.findUnique({ where: { id: input.hostTemplateId }, select: { id: true } });
  if (!template) throw new ValidationError({ hostTemplateId: "The chosen host template cannot be used" });
  const hosts = await inChunks(input.hostIds, (chunk) =>
    tx.host.findMany({
      where: { id: { in: chunk } },
      select: { id: true, name: true, hostGroups: true, keywords: true, removedAt: true, templates: { select: { hostTemplateId: true } } },
    }),
  );
  const byId = new Map(hosts.map((host) => [host.id, host]));
  const visible = await loadHostVisibility(tx, access.grants, input.hostIds);
  for (const hostId of input.hostIds) {
    const host = byId.get(hostId);
    const kept = keptHostIds.has(hostId);
    if (!host || (!kept && !visible(host))) throw new ValidationError({ hostIds: `Host ${hostId} cannot be chosen` });
    if (!host.templates.some((link) => link.hostTemplateId === input.hostTemplateId)) {
      throw new ValidationError({ hostIds: `${host.name} does not use the selected host template` });
    }
    if (!kept && host.removedAt) throw new ValidationError({ hostIds: `${host.name} is no longer monitored` });
  }
}
