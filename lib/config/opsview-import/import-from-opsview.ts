import { ValidationError } from "../../errors/app-error";
import { checkOutboundHost, type ResolveHost } from "../../notify/methods/outbound-target";
import { loadOutboundPolicy } from "../../notify/outbound-policy-store";
import { resolveInput } from "../../validation/deferred-input";
import { countActions, importConfigDocument, problemsError, type DocumentContext, type ImportOptions, type ImportResult } from "../document";
import { requireDocumentAccess } from "../document";
import { mapOpsviewConfiguration, type OpsviewBsmLists } from "./map-opsview-configuration";
import { parseOpsviewImportInput, readOpsviewFile, readOpsviewServer, type ReadOpsviewServerOptions } from "./read-opsview-configuration";

export interface OpsviewImportOptions extends ImportOptions {
  server?: ReadOpsviewServerOptions & { resolve?: ResolveHost };
}

/**
 * Reads Opsview's BSM configuration (a server or a file), maps it to a configuration document and
 * imports that with the document's rules: the plan's problems (in Opsview's paths) follow the
 * mapping's, and any problem refuses the apply. The server URL is checked against the outbound
 * policy (the webhooks' one) before any connection, and only after the caller's access is.
 */
export async function importFromOpsview(context: DocumentContext, raw: unknown, { server: serverOptions, ...options }: OpsviewImportOptions = {}): Promise<ImportResult> {
  requireDocumentAccess(context.access);
  const input = parseOpsviewImportInput(await resolveInput(raw));
  let lists: OpsviewBsmLists;
  if ("server" in input) {
    const target = await checkOutboundHost(await loadOutboundPolicy(context.prisma), new URL(input.server.baseUrl).hostname, serverOptions?.resolve);
    if (!target.ok) throw new ValidationError({ "server.baseUrl": target.refused ? `refused by the outbound policy: ${target.reason}` : target.reason });
    lists = await readOpsviewServer(input.server, serverOptions);
  } else {
    lists = readOpsviewFile(input.file);
  }

  const mapped = mapOpsviewConfiguration(lists);
  const preview = await importConfigDocument(context, mapped.document, { dryRun: true, prune: options.prune });
  const problems = [...mapped.problems, ...preview.plan.problems.map((problem) => ({ ...problem, path: mapped.opsviewPath(problem.path) }))];
  const plan = { ...preview.plan, problems };
  if (options.dryRun) return { applied: false, plan };
  if (problems.length > 0) throw problemsError(problems);
  return importConfigDocument(context, mapped.document, { dryRun: false, prune: options.prune });
}

/** One line for the page: what the import did or would do. */
export function describeImportResult({ applied, plan }: ImportResult): string {
  const counts = countActions([...plan.components, ...plan.businessServices]);
  if (applied) return `Applied: ${counts.create} created, ${counts.update} updated, ${counts.delete} deleted, ${counts.unchanged} unchanged, ${counts.kept} kept.`;
  const changes = `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.unchanged} unchanged, ${counts.kept} kept`;
  if (plan.problems.length > 0) return `${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"} to correct before it can be applied (${changes}).`;
  return `Preview: ${changes}.`;
}
