import type { PrismaClient } from "@prisma/client";
import { openSecret, parseSecretKey } from "../crypto/secret-box";
import type { AppEnv } from "../env";
import { defaultPollIntervalSeconds } from "../sources/registry";
import type { SettingsObject } from "./settings-paths";
import { separateSecrets } from "./source-settings-draft";

/** What the source settings are made from: the saved row, else these variables. */
export type SourceEnvironment = Pick<AppEnv, "BSM_SOURCE" | "BSM_SOURCE_SETTINGS" | "BSM_POLL_INTERVAL_SECONDS" | "BSM_SECRET_KEY">;

export const SECRETS_PURPOSE = "source-settings";

/** Secrets are needed but cannot be read (no key, wrong key, damaged box). */
export class SecretsUnreadableError extends Error {}

export interface SourceSettingsState {
  origin: "saved" | "environment";
  /** Saved settings may name a kind no longer in the registry (lib/sources/registry.ts). */
  kind: string;
  pollIntervalSeconds: number;
  /** Settings without secrets; null when BSM_SOURCE_SETTINGS is not JSON. */
  publicSettings: SettingsObject | null;
  /** Paths of the secrets in use, whose fields the form shows as "unchanged". */
  secretFields: string[];
  /** Changes whenever the saved settings do; "environment" when nothing is saved. */
  token: string;
  updatedAt: Date | null;
  updatedByEmail: string | null;
  /** The secrets by path. Throws SecretsUnreadableError (one line) when they cannot be decrypted. */
  readSecrets(): Record<string, string>;
}

/** The settings in force: what was saved in the UI, otherwise the environment's. */
export async function loadSourceSettings(prisma: PrismaClient, environment: SourceEnvironment): Promise<SourceSettingsState> {
  const saved = await prisma.sourceSettings.findUnique({ where: { id: 1 } });
  if (saved) {
    return {
      origin: "saved",
      kind: saved.kind,
      pollIntervalSeconds: saved.pollIntervalSeconds,
      publicSettings: isSettingsObject(saved.settings) ? saved.settings : {},
      secretFields: saved.secretFields,
      token: settingsToken(saved),
      updatedAt: saved.updatedAt,
      updatedByEmail: saved.updatedByEmail,
      readSecrets: () => (saved.encryptedSecrets ? decryptSecrets(saved.encryptedSecrets, environment.BSM_SECRET_KEY) : {}),
    };
  }
  const parsed = parseEnvironmentSettings(environment.BSM_SOURCE_SETTINGS);
  const { publicSettings, secrets } = parsed ? separateSecrets(environment.BSM_SOURCE, parsed) : { publicSettings: parsed, secrets: {} };
  return {
    origin: "environment",
    kind: environment.BSM_SOURCE,
    pollIntervalSeconds: environment.BSM_POLL_INTERVAL_SECONDS ?? defaultPollIntervalSeconds(environment.BSM_SOURCE),
    publicSettings,
    secretFields: Object.keys(secrets),
    token: ENVIRONMENT_TOKEN,
    updatedAt: null,
    updatedByEmail: null,
    readSecrets: () => secrets,
  };
}

const ENVIRONMENT_TOKEN = "environment";

function settingsToken(row: { version: number; updatedAt: Date }): string {
  return `${row.version}@${row.updatedAt.toISOString()}`;
}

/** A cheap check, for pollers in every process, whether the saved settings changed. */
export async function readSourceSettingsToken(prisma: PrismaClient): Promise<string> {
  const row = await prisma.sourceSettings.findUnique({ where: { id: 1 }, select: { version: true, updatedAt: true } });
  return row ? settingsToken(row) : ENVIRONMENT_TOKEN;
}

function decryptSecrets(box: string, rawKey: string | undefined): Record<string, string> {
  try {
    const secrets: unknown = JSON.parse(openSecret(box, parseSecretKey(rawKey), SECRETS_PURPOSE));
    if (!isSettingsObject(secrets) || !Object.values(secrets).every((value) => typeof value === "string")) {
      throw new Error("the saved secrets are not in the expected form");
    }
    return secrets as Record<string, string>;
  } catch (error) {
    throw new SecretsUnreadableError(`Saved passwords cannot be read: ${(error as Error).message}`);
  }
}

function parseEnvironmentSettings(text: string | undefined): SettingsObject | null {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isSettingsObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isSettingsObject(value: unknown): value is SettingsObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
