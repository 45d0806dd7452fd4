import type { PrismaClient } from "@prisma/client";
import { pageOf, type ListPaging, type PageSummary } from "../api/list-query";
import { requireCapability, type Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";

export interface HostConfigView {
  id: number;
  name: string;
  /** Primary template first. */
  hostTemplates: { id: number; name: string }[];
  hostGroups: string[];
  /** The service groups of the host's checks, by name (the schema keeps service groups on checks). */
  serviceGroups: string[];
}

export interface HostTemplateConfigView {
  id: number;
  name: string;
  /** Monitored hosts using it, all of them (the count tells nothing about which hosts). */
  hostsCount: number;
}

export interface HostListQuery extends ListPaging {
  /** Only hosts using the host template of exactly this name. */
  hostTemplate?: string;
}

/**
 * Monitored hosts the caller may see, by name, as the component editor's host list has them
 * (CONFIGUREBSMCOMPONENTS, docs/access-rules.md §7.2), filtered and paged.
 */
export async function listHosts(prisma: PrismaClient, access: Access, query: HostListQuery): Promise<{ list: HostConfigView[]; summary: PageSummary }> {
  requireCapability(access, "configureBsmComponents");
  const hosts = await prisma.host.findMany({
    where: {
      removedAt: null,
      ...(query.name === undefined ? {} : { name: { contains: query.name, mode: "insensitive" as const } }),
      ...(query.hostTemplate === undefined ? {} : { templates: { some: { hostTemplate: { name: query.hostTemplate } } } }),
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      hostGroups: true,
      keywords: true,
      templates: { orderBy: { priority: "asc" }, select: { hostTemplate: { select: { id: true, name: true } } } },
      serviceChecks: { select: { serviceGroups: true } },
    },
  });
  const visible = await loadHostVisibility(prisma, access.grants, hosts.map((host) => host.id));
  const views = hosts.filter(visible).map(
    (host): HostConfigView => ({
      id: host.id,
      name: host.name,
      hostTemplates: host.templates.map((link) => link.hostTemplate),
      hostGroups: host.hostGroups,
      serviceGroups: [...new Set(host.serviceChecks.flatMap((check) => check.serviceGroups))].sort(),
    }),
  );
  return pageOf(views, query);
}

/** Host templates by name with how many monitored hosts use each, filtered and paged (CONFIGUREBSMCOMPONENTS). */
export async function listHostTemplates(prisma: PrismaClient, access: Access, query: ListPaging): Promise<{ list: HostTemplateConfigView[]; summary: PageSummary }> {
  requireCapability(access, "configureBsmComponents");
  const templates = await prisma.hostTemplate.findMany({
    where: query.name === undefined ? {} : { name: { contains: query.name, mode: "insensitive" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { hosts: { where: { host: { removedAt: null } } } } } },
  });
  return pageOf(
    templates.map((template) => ({ id: template.id, name: template.name, hostsCount: template._count.hosts })),
    query,
  );
}
