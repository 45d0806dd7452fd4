import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { requireCapability, type Access } from "../auth/access";
import { testIcingaApiConnection } from "../sources/icinga-api";
import { testIcingaIdoConnection } from "../sources/ido";
import { testOpsviewConnection } from "../sources/opsview-db/test-connection";
import { testOpsviewRestConnection } from "../sources/opsview-rest";
import { currentSecretsFor, draftKeepsASecret } from "./current-secrets";
import { loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { getPath, type SettingsObject } from "./settings-paths";
import { isSettingsSourceKind, sourceKindSpec, type ConnectionTarget, type SettingsSourceKind } from "./source-kinds";
import { draftToSettingsInput, sourceSettingsDraftSchema } from "./source-settings-draft";

export type ConnectionTestResult = { ok: boolean; message: string };

type ConnectionTester = (settings: SettingsObject, target: ConnectionTarget) => Promise<ConnectionTestResult>;

const CONNECTION_TESTERS: Partial<Record<SettingsSourceKind, ConnectionTester>> = {
  "opsview-db": (settings, target) =>
    testOpsviewConnection(getPath(settings, target), { tablePrefix: (getPath(settings, "tablePrefix") as string | undefined) ?? "nagios_" }),
  "opsview-rest": (settings) => testOpsviewRestConnection(settings as Parameters<typeof testOpsviewRestConnection>[0]),
  "icinga-api": (settings) => testIcingaApiConnection(settings),
  "icinga-ido": (settings, target) =>
    testIcingaIdoConnection(getPath(settings, target), { tablePrefix: (getPath(settings, "tablePrefix") as string | undefined) ?? "icinga_" }),
};

const requestSchema = z.object({ draft: sourceSettingsDraftSchema, target: z.enum(["main", "backup", "endpoint"]) });

/**
 * "Test connection" for one database or endpoint of the form as typed (unsaved), with the saved
 * password standing in for a blank one. Administrators only (ForbiddenError); never throws for bad
 * input or an unreachable server.
 */
export async function testSourceConnection(input: { prisma: PrismaClient; access: Access; request: unknown; environment: SourceEnvironment }): Promise<ConnectionTestResult> {
  requireCapability(input.access, "administer");
  const request = requestSchema.safeParse(input.request);
  if (!request.success) return { ok: false, message: "The form was not sent as expected; reload the page and try again" };
  const { draft, target } = request.data;
  const tester = isSettingsSourceKind(draft.kind) ? CONNECTION_TESTERS[draft.kind] : undefined;
  if (!isSettingsSourceKind(draft.kind) || !tester) return { ok: false, message: "This source kind has no connection to test" };
  const spec = sourceKindSpec(draft.kind);
  if (!spec.groups.some((group) => group.testTarget === target)) return { ok: false, message: `${draft.kind} has no ${target} connection` };

  const state = await loadSourceSettings(input.prisma, input.environment);
  const current = currentSecretsFor(state, draft);
  if (!current.ok && draftKeepsASecret(state, draft)) return { ok: false, message: `${current.message}. Type the password to test.` };
  const settings = draftToSettingsInput(spec, { ...draft, enabledGroups: [...draft.enabledGroups, target] }, current.ok ? current.secrets : {});
  return tester(settings, target);
}
