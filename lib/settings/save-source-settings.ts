import type { PrismaClient } from "@prisma/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { SecretKeyError, parseSecretKey, sealSecret } from "../crypto/secret-box";
import { sourceKindDefinition } from "../sources/registry";
import { currentSecretsFor, draftKeepsASecret } from "./current-secrets";
import { SECRETS_PURPOSE, loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { parseSourceSettingsDraft, separateSecrets, type FieldErrors } from "./source-settings-draft";

export type SaveSourceSettingsResult = { ok: true; message: string } | { ok: false; fieldErrors: FieldErrors };

/**
 * Validates and saves the monitoring source settings with their audit entry in one transaction.
 * Secrets are sealed with BSM_SECRET_KEY; pollers pick the change up within one poll interval.
 */
export async function saveSourceSettings(input: {
  prisma: PrismaClient;
  actor: AuditActor;
  draft: unknown;
  environment: SourceEnvironment;
}): Promise<SaveSourceSettingsResult> {
  const { prisma, actor, draft, environment } = input;
  const state = await loadSourceSettings(prisma, environment);
  const current = currentSecretsFor(state, draft);
  if (!current.ok && draftKeepsASecret(state, draft)) {
    return { ok: false, fieldErrors: { form: `${current.message}. Type the passwords again to replace them.` } };
  }
  const parsed = parseSourceSettingsDraft(draft, current.ok ? current.secrets : {});
  if (!parsed.ok) return parsed;
  const { kind, settings, pollIntervalSeconds } = parsed.value;
  const { publicSettings, secrets } = separateSecrets(kind, settings);

  let encryptedSecrets: string | null = null;
  if (Object.keys(secrets).length > 0) {
    try {
      encryptedSecrets = sealSecret(JSON.stringify(secrets), parseSecretKey(environment.BSM_SECRET_KEY), SECRETS_PURPOSE);
    } catch (error) {
      if (error instanceof SecretKeyError) return { ok: false, fieldErrors: { form: `Passwords cannot be saved: ${error.message}` } };
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
  return { ok: true, message: "Saved. Polling switches to these settings within a few seconds." };
}
