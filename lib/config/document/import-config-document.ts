import type { Prisma, PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../../auth/access";
import { recordAudit, type AuditActor, type SystemActor } from "../../audit/record-audit";
import { ConflictError, ValidationError } from "../../errors/app-error";
import { resolveInput } from "../../validation/deferred-input";
import { isUniqueViolation } from "../inputs";
import { countActions, planChanges, planImport, type ImportPlan } from "./plan";
import { readPlanningState, requireDocumentAccess, type NameIds } from "./read-configuration";
import { parseConfigDocument, type ConfigDocument, type DocumentProblem } from "./schema";

/** As ConfigContext, but the author may also be the system (the command-line import). */
export interface DocumentContext {
  prisma: PrismaClient;
  user: AuditActor | SystemActor;
  access: Access;
}

export interface ImportOptions {
  /** Only plan: nothing is written, and problems are returned rather than thrown. */
  dryRun?: boolean;
  /** Delete what the caller may change but the document leaves out (otherwise it is kept). */
  prune?: boolean;
}

export interface ImportResult {
  applied: boolean;
  plan: ImportPlan;
}

// A large estate's import is many statements; the default 5 s would cut it short.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

/**
 * Brings the configuration to what the document says, in one transaction, with the editors'
 * rules and audit entries; objects are matched by name. Any problem refuses the whole import
 * (a ValidationError with a message per path) and nothing is written. Applying the same document
 * again plans every object unchanged and writes nothing.
 */
export async function importConfigDocument({ prisma, user, access }: DocumentContext, raw: unknown, { dryRun = false, prune = false }: ImportOptions = {}): Promise<ImportResult> {
  requireDocumentAccess(access);
  const parsed = parseConfigDocument(await resolveInput(raw));
  if (parsed.document === null) {
    if (dryRun) return { applied: false, plan: { components: [], businessServices: [], problems: parsed.problems } };
    throw problemsError(parsed.problems);
  }
  const document = parsed.document;
  if (document.components.length > 0) requireCapability(access, "configureBsmComponents");
  if (document.businessServices.length > 0) requireCapability(access, "configureBsm");

  try {
    return await prisma.$transaction(async (tx) => {
      const { state, ids } = await readPlanningState(tx, access, document.components.flatMap((component) => component.hosts));
      const plan = planImport(document, state, { prune });
      if (dryRun) return { applied: false, plan };
      if (plan.problems.length > 0) throw problemsError(plan.problems);
      if (!planChanges(plan)) return { applied: true, plan };
      await applyPlan(tx, { user, access }, document, plan, ids);
      await recordAudit(tx, user, {
        action: "config.import",
        target: "config:document",
        detail: { prune, components: countActions(plan.components), businessServices: countActions(plan.businessServices) },
      });
      return { applied: true, plan };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("The configuration changed while the document was being applied; nothing was written. Try again.");
    throw error;
  }
}

/** Every problem as one ValidationError: its field errors are keyed by the path in the document. */
export function problemsError(problems: readonly DocumentProblem[]): ValidationError {
  const byPath: Record<string, string> = {};
  for (const { path, message } of problems) byPath[path] = byPath[path] === undefined ? message : `${byPath[path]}; ${message}`;
  return new ValidationError(byPath);
}

async function applyPlan(
  tx: Prisma.TransactionClient,
  { user, access }: Pick<DocumentContext, "user" | "access">,
  document: ConfigDocument,
  plan: ImportPlan,
  ids: NameIds,
): Promise<void> {
  const hostIdsOf = (hosts: readonly string[]) => hosts.map((name) => ids.hosts.get(name)!);
  const componentIdOf = (name: string) => ids.components.get(name)!;
  const componentEntries = new Map(document.components.map((entry) => [entry.name, entry]));
  const serviceEntries = new Map(document.businessServices.map((entry) => [entry.name, entry]));

  for (const change of plan.components) {
    const entry = componentEntries.get(change.name);
    if (change.action === "create" && entry) {
      const input = { name: entry.name, hostTemplateId: ids.hostTemplates.get(entry.hostTemplate)!, hostIds: hostIdsOf(entry.hosts), requiredOnline: entry.requiredOnline };
      const { id } = await tx.component.create({
        data: { name: input.name, hostTemplateId: input.hostTemplateId, requiredOnline: input.requiredOnline, hosts: { create: input.hostIds.map((hostId, position) => ({ hostId, position })) } },
        select: { id: true },
      });
      ids.components.set(entry.name, id);
      await recordAudit(tx, user, { action: "component.create", target: `component:${id}`, detail: input });
    } else if (change.action === "update" && entry) {
      const id = componentIdOf(entry.name);
      const before = await tx.component.findUniqueOrThrow({
        where: { id },
        select: { name: true, hostTemplateId: true, requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } },
      });
      const input = { name: entry.name, hostTemplateId: ids.hostTemplates.get(entry.hostTemplate)!, hostIds: hostIdsOf(entry.hosts), requiredOnline: entry.requiredOnline };
      await tx.componentHost.deleteMany({ where: { componentId: id } });
      await tx.component.update({
        where: { id },
        data: { hostTemplateId: input.hostTemplateId, requiredOnline: input.requiredOnline, hosts: { create: input.hostIds.map((hostId, position) => ({ hostId, position })) } },
      });
      const previous = { name: before.name, hostTemplateId: before.hostTemplateId, hostIds: before.hosts.map((link) => link.hostId), requiredOnline: before.requiredOnline };
      await recordAudit(tx, user, { action: "component.update", target: `component:${id}`, detail: { before: previous, after: input } });
    } else if (change.action === "delete") {
      const id = componentIdOf(change.name);
      const usedBy = await tx.businessServiceComponent.findMany({
        where: { componentId: id },
        orderBy: { businessService: { name: "asc" } },
        select: { businessService: { select: { id: true, name: true } } },
      });
      await tx.component.delete({ where: { id } });
      // Services lose a member: touch them so the poller's configuration fingerprint changes (as deleteComponent does).
      await tx.businessService.updateMany({ where: { id: { in: usedBy.map((link) => link.businessService.id) } }, data: { updatedAt: new Date() } });
      await recordAudit(tx, user, { action: "component.delete", target: `component:${id}`, detail: { name: change.name, removedFrom: usedBy.map((link) => link.businessService.name) } });
    }
  }

  for (const change of plan.businessServices) {
    const entry = serviceEntries.get(change.name);
    if (change.action === "create" && entry) {
      const input = { name: entry.name, componentIds: entry.components.map(componentIdOf) };
      const { id } = await tx.businessService.create({
        data: { name: input.name, components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } },
        select: { id: true },
      });
      // As createBusinessService: a non-admin creator's role may then see and edit it.
      if (!access.has("administer") && user.id !== null) {
        const { roleId } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { roleId: true } });
        if (roleId !== null) await tx.roleBusinessService.create({ data: { roleId, businessServiceId: id, canEdit: true } });
      }
      await recordAudit(tx, user, { action: "businessService.create", target: `businessService:${id}`, detail: input });
    } else if (change.action === "update" && entry) {
      const id = ids.businessServices.get(entry.name)!;
      const before = await tx.businessService.findUniqueOrThrow({
        where: { id },
        select: { name: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } },
      });
      const input = { name: entry.name, componentIds: entry.components.map(componentIdOf) };
      await tx.businessServiceComponent.deleteMany({ where: { businessServiceId: id } });
      await tx.businessService.update({ where: { id }, data: { components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } } });
      await recordAudit(tx, user, {
        action: "businessService.update",
        target: `businessService:${id}`,
        detail: { before: { name: before.name, componentIds: before.components.map((link) => link.componentId) }, after: input },
      });
    } else if (change.action === "delete") {
      const id = ids.businessServices.get(change.name)!;
      await tx.businessService.delete({ where: { id } });
      await recordAudit(tx, user, { action: "businessService.delete", target: `businessService:${id}`, detail: { name: change.name } });
    }
  }
}
