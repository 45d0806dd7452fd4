import type { Prisma, PrismaClient } from "@prisma/client";
import { LONG_TRANSACTION } from "../../db/transaction-options";
import { requireCapability, type Access } from "../../auth/access";
import { recordAudit, type AuditActor, type SystemActor } from "../../audit/record-audit";
import { ConflictError, ValidationError } from "../../errors/app-error";
import { resolveInput } from "../../validation/deferred-input";
import { isUniqueViolation } from "../inputs";
import { requireVisibleRuleMatches } from "../settle-component-hosts";
import { countActions, planChanges, planImport, type ImportPlan, type PlanningState } from "./plan";
import { readPlanningState, requireDocumentAccess, type NameIds } from "./read-configuration";
import {
  insertBusinessService,
  insertComponent,
  readStoredBusinessService,
  readStoredComponent,
  removeBusinessService,
  removeComponent,
  replaceBusinessService,
  replaceComponent,
  type BusinessServiceWrite,
  type ComponentWrite,
} from "../write-configuration";
import { parseConfigDocument, type BusinessServiceEntry, type ComponentEntry, type ConfigDocument, type DocumentProblem } from "./schema";

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
      plan.problems.push(...(await ruleProblems(tx, access, document, state, ids)));
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
    }, LONG_TRANSACTION);
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
  const componentIdOf = (name: string) => ids.components.get(name)!;
  const componentWrite = (entry: ComponentEntry): ComponentWrite => ({
    name: entry.name,
    hostTemplateId: ids.hostTemplates.get(entry.hostTemplate)!,
    hostIds: entry.hosts.map((name) => ids.hosts.get(name)!),
    requiredOnline: entry.requiredOnline,
    ...(entry.notes === undefined ? {} : { notes: entry.notes }),
    ...(entry.rule === undefined ? {} : { ruleHostGroup: entry.rule?.hostGroup ?? null, ruleNamePattern: entry.rule?.namePattern ?? null }),
  });
  const serviceWrite = (entry: BusinessServiceEntry): BusinessServiceWrite => ({
    name: entry.name,
    componentIds: entry.components.map(componentIdOf),
    ...(entry.notes === undefined ? {} : { notes: entry.notes }),
  });
  const componentEntries = new Map(document.components.map((entry) => [entry.name, entry]));
  const serviceEntries = new Map(document.businessServices.map((entry) => [entry.name, entry]));

  for (const change of plan.components) {
    const entry = componentEntries.get(change.name);
    if (change.action === "create" && entry) {
      ids.components.set(entry.name, await insertComponent(tx, user, componentWrite(entry)));
    } else if (change.action === "update" && entry) {
      const id = componentIdOf(entry.name);
      await replaceComponent(tx, user, id, (await readStoredComponent(tx, id))!, componentWrite(entry));
    } else if (change.action === "delete") {
      const id = componentIdOf(change.name);
      const usedBy = await tx.businessServiceComponent.findMany({
        where: { componentId: id },
        orderBy: { businessService: { name: "asc" } },
        select: { businessService: { select: { id: true, name: true } } },
      });
      await removeComponent(tx, user, id, change.name, usedBy.map((link) => link.businessService));
    }
  }

  for (const change of plan.businessServices) {
    const entry = serviceEntries.get(change.name);
    if (change.action === "create" && entry) {
      await insertBusinessService(tx, user, access, serviceWrite(entry));
    } else if (change.action === "update" && entry) {
      const id = ids.businessServices.get(entry.name)!;
      await replaceBusinessService(tx, user, id, (await readStoredBusinessService(tx, id))!, serviceWrite(entry));
    } else if (change.action === "delete") {
      await removeBusinessService(tx, user, ids.businessServices.get(change.name)!, change.name);
    }
  }
}

/** A rule the document sets or changes must match only hosts the caller sees (as in the editor, lib/config/settle-component-hosts.ts). */
async function ruleProblems(tx: Prisma.TransactionClient, access: Access, document: ConfigDocument, state: PlanningState, ids: NameIds): Promise<DocumentProblem[]> {
  const problems: DocumentProblem[] = [];
  const current = new Map(state.components.map((component) => [component.name, component]));
  for (const [index, entry] of document.components.entries()) {
    const hostTemplateId = ids.hostTemplates.get(entry.hostTemplate);
    if (!entry.rule || hostTemplateId === undefined) continue;
    const before = current.get(entry.name);
    const unchanged = before?.hostTemplate === entry.hostTemplate && before.rule?.hostGroup === entry.rule.hostGroup && before.rule?.namePattern === entry.rule.namePattern;
    if (unchanged) continue;
    const rule = { hostTemplateId, hostGroup: entry.rule.hostGroup ?? null, namePattern: entry.rule.namePattern ?? null };
    try {
      await requireVisibleRuleMatches(tx, access, rule, "rule");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push({ path: `components[${index}].rule`, message: "the rule matches hosts you cannot see" });
    }
  }
  return problems;
}
