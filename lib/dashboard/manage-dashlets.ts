import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { canSeeObject } from "../status/bsm-object";
import { storedObjectOf } from "../status/investigate-target";
import { isRecordId } from "../validation/fields";
import { asDashletSize, contentOf, dashletSize, dashletTitle, newDashletInput, targetOf, type DashletContent, type DashletNames, type DashletView, type NewDashletInput } from "./dashlet";

const NOT_ON_DASHBOARD = "That dashlet is not on your dashboard";

/**
 * The user's dashlets in order, titled with their objects' names; rows that no longer describe
 * anything are left out. With access, names of objects the user may no longer see are withheld.
 */
export async function listDashlets(prisma: PrismaClient, userId: string, access?: Access): Promise<DashletView[]> {
  const rows = await prisma.dashlet.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const dashlets = rows.flatMap((row) => {
    const content = contentOf(row.kind, row.target);
    return content ? [{ id: row.id, size: asDashletSize(row.size), position: row.position, content }] : [];
  });
  const names = await loadNames(prisma, dashlets.map((dashlet) => dashlet.content), access);
  return dashlets.map((dashlet) => ({ ...dashlet, title: dashletTitle(dashlet.content, names) }));
}

async function loadNames(prisma: PrismaClient, contents: DashletContent[], access: Access | undefined): Promise<DashletNames> {
  const serviceIds = new Set<number>();
  const componentIds = new Set<number>();
  for (const content of contents) {
    if (content.kind === "service") serviceIds.add(content.serviceId);
    if (content.kind === "component") componentIds.add(content.componentId);
    if (content.kind === "investigate") (content.target.kind === "service" ? serviceIds : componentIds).add(content.target.kind === "host" ? content.target.componentId : content.target.id);
    if (content.kind === "topology" && content.scope.kind !== "estate") (content.scope.kind === "service" ? serviceIds : componentIds).add(content.scope.id);
  }
  const [services, components] = await Promise.all([
    serviceIds.size === 0 ? [] : prisma.businessService.findMany({ where: { id: { in: [...serviceIds] } }, select: { id: true, name: true } }),
    componentIds.size === 0 ? [] : prisma.component.findMany({ where: { id: { in: [...componentIds] } }, select: { id: true, name: true } }),
  ]);
  const serviceNames = new Map(services.map((service) => [service.id, service.name]));
  const componentNames = new Map(components.map((component) => [component.id, component.name]));
  return {
    service: (id) => (access && !access.canSeeService(id) ? undefined : serviceNames.get(id)),
    component: (id) => (access && !access.canSeeComponent(id) ? undefined : componentNames.get(id)),
  };
}

/**
 * Adds a dashlet at the end, or at position `at` (0-based; later ones move up one, as when a removal
 * is undone); the same view pinned twice is kept once. Throws ValidationError on bad input,
 * ForbiddenError for an object the user may not see.
 */
export async function addDashlet(prisma: PrismaClient, userId: string, access: Access, input: NewDashletInput, at?: number): Promise<Omit<DashletView, "title">> {
  const parsed = newDashletInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue.path.join(".") || "dashlet"} ${issue.message}`);
  }
  const { kind, size } = parsed.data;
  const content = contentOf(kind, parsed.data.target);
  if (content === null) throw new ValidationError(`target does not name a ${kind}`);
  if (!canSee(access, content)) throw new ForbiddenError("You do not have access to that object");
  if (at !== undefined && !(Number.isInteger(at) && at >= 0)) throw new ValidationError("position must be a whole number, 0 or more");
  const target = targetOf(content);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.dashlet.findFirst({ where: { userId, kind, target } });
    if (existing) return { id: existing.id, size: asDashletSize(existing.size), position: existing.position, content };
    const rows = await tx.dashlet.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const index = Math.min(at ?? rows.length, rows.length);
    await Promise.all(rows.slice(index).map((row, offset) => tx.dashlet.update({ where: { id: row.id }, data: { position: index + offset + 1 } })));
    await Promise.all(rows.slice(0, index).map((row, position) => tx.dashlet.update({ where: { id: row.id }, data: { position } })));
    const row = await tx.dashlet.create({ data: { userId, kind, target, size, position: index } });
    return { id: row.id, size, position: row.position, content };
  });
}

/** Moves the dashlet to `index` (0-based, clamped to the ends) among the user's dashlets. */
export async function moveDashletTo(prisma: PrismaClient, userId: string, dashletId: number, index: number): Promise<void> {
  if (!Number.isInteger(index)) throw new ValidationError("position must be a whole number");
  await prisma.$transaction(async (tx) => {
    const rows = await tx.dashlet.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, position: true } });
    const from = rows.findIndex((row) => row.id === dashletId);
    if (from < 0) throw new NotFoundError(NOT_ON_DASHBOARD);
    const order = rows.map((row) => row.id);
    order.splice(from, 1);
    order.splice(Math.min(Math.max(index, 0), order.length), 0, dashletId);
    await Promise.all(order.map((id, position) => (rows.find((row) => row.id === id)?.position === position ? null : tx.dashlet.update({ where: { id }, data: { position } }))));
  });
}

/** Swaps the dashlet with its neighbour before ("earlier") or after ("later"); at either end nothing moves. */
export async function moveDashlet(prisma: PrismaClient, userId: string, dashletId: number, direction: "earlier" | "later"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const rows = await tx.dashlet.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const index = rows.findIndex((row) => row.id === dashletId);
    if (index < 0) throw new NotFoundError(NOT_ON_DASHBOARD);
    const other = direction === "earlier" ? index - 1 : index + 1;
    if (other < 0 || other >= rows.length) return;
    const order = rows.map((row) => row.id);
    [order[index], order[other]] = [order[other], order[index]];
    await Promise.all(order.map((id, position) => tx.dashlet.update({ where: { id }, data: { position } })));
  });
}

export async function resizeDashlet(prisma: PrismaClient, userId: string, dashletId: number, size: string): Promise<void> {
  const parsed = dashletSize.safeParse(size);
  if (!parsed.success) throw new ValidationError(`size ${parsed.error.issues[0].message}`);
  if (!isRecordId(dashletId)) throw new NotFoundError(NOT_ON_DASHBOARD);
  const { count } = await prisma.dashlet.updateMany({ where: { id: dashletId, userId }, data: { size: parsed.data } });
  if (count === 0) throw new NotFoundError(NOT_ON_DASHBOARD);
}

export async function removeDashlet(prisma: PrismaClient, userId: string, dashletId: number): Promise<void> {
  if (!isRecordId(dashletId)) throw new NotFoundError(NOT_ON_DASHBOARD);
  const { count } = await prisma.dashlet.deleteMany({ where: { id: dashletId, userId } });
  if (count === 0) throw new NotFoundError(NOT_ON_DASHBOARD);
}

function canSee(access: Access, content: DashletContent): boolean {
  if (!access.has("bsm")) return false;
  switch (content.kind) {
    case "summary":
      return true;
    case "service":
      return access.canSeeService(content.serviceId);
    case "component":
      return access.canSeeComponent(content.componentId);
    case "investigate":
      return canSeeObject(access, storedObjectOf(content.target));
    case "topology":
      return content.scope.kind === "estate" || (content.scope.kind === "service" ? access.canSeeService(content.scope.id) : access.canSeeComponent(content.scope.id));
  }
}
