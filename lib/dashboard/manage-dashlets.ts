import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { canSeeObject } from "../status/bsm-object";
import { investigateSegments, storedObjectOf } from "../status/investigate-target";
import { isRecordId } from "../validation/fields";
import { asDashletSize, contentOf, dashletSize, newDashletInput, type DashletContent, type DashletView, type NewDashletInput } from "./dashlet";

const NOT_ON_DASHBOARD = "That dashlet is not on your dashboard";

/** The user's dashlets in order; rows that no longer describe anything are left out. */
export async function listDashlets(prisma: PrismaClient, userId: string): Promise<DashletView[]> {
  const rows = await prisma.dashlet.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.flatMap((row) => {
    const content = contentOf(row.kind, row.target);
    return content ? [{ id: row.id, size: asDashletSize(row.size), position: row.position, content }] : [];
  });
}

/** Adds a dashlet at the end; the same view pinned twice is kept once. Throws ValidationError on bad input, ForbiddenError for an object the user may not see. */
export async function addDashlet(prisma: PrismaClient, userId: string, access: Access, input: NewDashletInput): Promise<DashletView> {
  const parsed = newDashletInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue.path.join(".") || "dashlet"} ${issue.message}`);
  }
  const { kind, size } = parsed.data;
  const content = contentOf(kind, parsed.data.target);
  if (content === null) throw new ValidationError(`target does not name a ${kind}`);
  if (!canSee(access, content)) throw new ForbiddenError("You do not have access to that object");
  const target = targetOf(content);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.dashlet.findFirst({ where: { userId, kind, target } });
    if (existing) return { id: existing.id, size: asDashletSize(existing.size), position: existing.position, content };
    const last = await tx.dashlet.aggregate({ where: { userId }, _max: { position: true } });
    const row = await tx.dashlet.create({ data: { userId, kind, target, size, position: (last._max.position ?? -1) + 1 } });
    return { id: row.id, size, position: row.position, content };
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

function targetOf(content: DashletContent): string {
  switch (content.kind) {
    case "summary":
      return "";
    case "service":
      return String(content.serviceId);
    case "component":
      return String(content.componentId);
    case "investigate":
      return investigateSegments(content.target).map(encodeURIComponent).join("/");
  }
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
  }
}
