import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";

export interface HostTemplateChoice {
  id: number;
  name: string;
}

export interface HostChoice {
  id: number;
  name: string;
  hostTemplateIds: number[];
  hostGroups: string[];
}

/** Host templates in use: the component editor's drop-down lists only these. */
export async function listHostTemplatesInUse(prisma: PrismaClient): Promise<HostTemplateChoice[]> {
  return prisma.hostTemplate.findMany({
    where: { hosts: { some: { host: { removedAt: null } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Monitored hosts the editor may see, with their templates, for the component editor's host list. */
export async function listHostChoices(prisma: PrismaClient, access: Access): Promise<HostChoice[]> {
  if (!access.has("bsm")) return [];
  const hosts = await prisma.host.findMany({
    where: { removedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, hostGroups: true, keywords: true, templates: { select: { hostTemplateId: true } } },
  });
  const visible = await loadHostVisibility(prisma, access.grants, hosts.map((host) => host.id));
  return hosts
    .filter(visible)
    .map((host) => ({ id: host.id, name: host.name, hostTemplateIds: host.templates.map((link) => link.hostTemplateId), hostGroups: host.hostGroups }));
}
