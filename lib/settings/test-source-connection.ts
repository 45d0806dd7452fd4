import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability, type Access } from "../auth/access";
import { connectionTestFailed, type ConnectionTestResult } from "../sources/connection-test";
import { isSourceKind, sourceKindDefinition } from "../sources/registry";
import { CONNECTION_TARGETS } from "../sources/source-kind";
import { currentSecretsFor, draftKeepsASecret } from "./current-secrets";
import { loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { draftToSettingsInput, sourceSettingsDraftSchema } from "./source-settings-draft";

export type { ConnectionTestResult };

const requestSchema = z.object({ draft: sourceSettingsDraftSchema, target: z.enum(CONNECTION_TARGETS) });

/**
 * "Test connection" for one database or endpoint of the form as typed (unsaved), with the saved
 * password standing in for a blank one. Administrators only (ForbiddenError); never throws for bad
 * input or an unreachable server.
 */
export async function testSourceConnection(input: { prisma: PrismaClient; access: Access; request: unknown; environment: SourceEnvironment }): Promise<ConnectionTestResult> {
  requireCapability(input.access, "administer");
  const request = requestSchema.safeParse(input.request);
  if (!request.success) return connectionTestFailed("The form was not sent as expected; reload the page and try again");
  const { draft, target } = request.data;
  const definition = isSourceKind(draft.kind) ? sourceKindDefinition(draft.kind) : undefined;
  if (!definition?.testConnection) return connectionTestFailed("This source kind has no connection to test");
  if (!definition.form.groups.some((group) => group.testTarget === target)) return connectionTestFailed(`${draft.kind} has no ${target} connection`);

  const state = await loadSourceSettings(input.prisma, input.environment);
  const current = currentSecretsFor(state, draft);
  if (!current.ok && draftKeepsASecret(state, draft)) return connectionTestFailed(`${current.message}. Type the password to test.`);
  const settings = draftToSettingsInput(definition.form, { ...draft, enabledGroups: [...draft.enabledGroups, target] }, current.ok ? current.secrets : {});
  return definition.testConnection(settings, target);
}
