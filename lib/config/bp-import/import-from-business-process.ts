import { loadHostVisibility } from "../../auth/load-access";
import { inChunks } from "../../db/in-chunks";
import { ValidationError } from "../../errors/app-error";
import { resolveInput } from "../../validation/deferred-input";
import { importConfigDocument, problemsError, requireDocumentAccess, type DocumentContext, type ImportOptions, type ImportResult } from "../document";
import { mapBusinessProcess, type KnownHosts, type NotImported } from "./map-business-process";
import { parseProcessFile } from "./parse-process-file";

export interface BusinessProcessImportResult extends ImportResult {
  /** What the file holds that BSM Dashboard cannot express, each with its node, line and reason. */
  notImported: NotImported[];
}

/**
 * Reads an Icinga Business Process file, maps what it can to a configuration document and
 * imports that with the document's rules. What cannot be expressed is listed in notImported and
 * does not stop the rest; a file the module itself would refuse, or a plan problem, does.
 */
export async function importFromBusinessProcess(context: DocumentContext, raw: unknown, options: ImportOptions = {}): Promise<BusinessProcessImportResult> {
  requireDocumentAccess(context.access);
  const text = await resolveInput(raw);
  if (typeof text !== "string" || text.trim() === "") throw new ValidationError({ file: "send the text of a Business Process file (processes/NAME.conf)" });
  const parsed = parseProcessFile(text);
  if (parsed.errors.length > 0) {
    throw new ValidationError({ file: parsed.errors.map((error) => `line ${error.line}: ${error.message}`).join("; ") });
  }
  if (parsed.nodes.length === 0) throw new ValidationError({ file: "the file defines no nodes (name = …)" });
  const hostNames = [...new Set(parsed.nodes.flatMap((node) => node.children.flatMap((child) => (child.kind === "host" ? [child.host] : []))))];
  const mapped = mapBusinessProcess(parsed, await readKnownHosts(context, hostNames));
  const preview = await importConfigDocument(context, mapped.document, { dryRun: true, prune: options.prune });
  const plan = { ...preview.plan, problems: preview.plan.problems.map((problem) => ({ ...problem, path: mapped.processPath(problem.path) })) };
  if (options.dryRun) return { applied: false, plan, notImported: mapped.notImported };
  if (plan.problems.length > 0) throw problemsError(plan.problems);
  return { ...(await importConfigDocument(context, mapped.document, { dryRun: false, prune: options.prune })), notImported: mapped.notImported };
}

/** The hosts of the file that are monitored and visible to the caller, with their templates. */
async function readKnownHosts({ prisma, access }: DocumentContext, names: readonly string[]): Promise<KnownHosts> {
  const hosts = await inChunks(names, (chunk) =>
    prisma.host.findMany({
      where: { name: { in: chunk }, removedAt: null },
      select: { id: true, name: true, hostGroups: true, keywords: true, templates: { select: { priority: true, hostTemplate: { select: { name: true } } } } },
    }),
  );
  const visible = await loadHostVisibility(prisma, access.grants, hosts.map((host) => host.id));
  return new Map(
    hosts
      .filter((host) => access.has("bsm") && visible(host))
      .map((host) => [host.name, host.templates.map((link) => ({ name: link.hostTemplate.name, priority: link.priority }))]),
  );
}
