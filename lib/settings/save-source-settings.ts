import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { SecretKeyError, parseSecretKey, sealSecret } from "../crypto/secret-box";
import { ValidationError } from "../errors/app-error";
import { sourceKindDefinition } from "../sources/registry";
import { currentSecretsFor, draftKeepsASecret } from "./current-secrets";
import { SECRETS_PURPOSE, loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { parseSourceSettingsDraft, separateSecrets } from "./source-settings-draft";

/**
 * Validates and saves the monitoring source settings with their audit entry in one transaction.
 * Administrators only. Secrets are sealed with BSM_SECRET_KEY; pollers pick the change up within
 * one poll interval. Bad settings save nothing (ValidationError).
 */
export async function saveSourceSettings(input: {
  prisma: PrismaClient;
  actor: AuditActor;
  access: Access;
  draft: unknown;
  environment: SourceEnvironment;
}): Promise<void> {
  const { prisma, actor, access, draft, environment } = input;
  requireCapability(access, "administer");
  const state = await loadSourceSettings(prisma, environment);
  const current = currentSecretsFor(state, draft);
  if (!current.ok && draftKeepsASecret(state, draft)) {
    throw new ValidationError(`${current.message}. Type the passwords again to replace them.`);
  }
  const parsed = parseSourceSettingsDraft(draft, current.ok ? current.secrets : {});
  if (!parsed.ok) throw new ValidationError(parsed.fieldErrors);
  const { kind, settings, pollIntervalSeconds } = parsed.value;
  const { publicSettings, secrets } = separateSecrets(kind, settings);

  let encryptedSecrets: string | null = null;
  if (Object.keys(secrets).length > 0) {
    try {
      encryptedSecrets = sealSecret(JSON.stringify(secrets), parseSecretKey(environment.BSM_SECRET_KEY), SECRETS_PURPOSE);
    } catch (error) {
      if (error instanceof SecretKeyError) throw new ValidationError(`Passwords cannot be saved: ${error.message}`);
      throw error;
    }
  }
  const typedSecrets = sourceKindDefinition(kind).form.secretFields.filter((path) => {
    const typed = (draft as { values: Record<string, unknown> }).values[path];
    return typeof typed === "string" && typed !== "";
  });
  const row = {
    kind,
    settings: publicSettings as object,
    encryptedSecrets,
    secretFields: Object.keys(secrets),
    pollIntervalSeconds,
    updatedByEmail: actor.email,
  };
  await prisma.$transaction(async (tx) => {
    await tx.sourceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: { ...row, version: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "source-settings.save",
      target: "source-settings",
      detail: { kind, previousKind: state.kind, previousOrigin: state.origin, pollIntervalSeconds, settings: publicSettings as object, passwordsChanged: typedSecrets },
    });
  });
}
