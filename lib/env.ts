import { z } from "zod";
import { parseTrustedProxies } from "./auth/client-address";
import { logFormatSchema, logLevelSchema } from "./log/settings";
import { SOURCE_KIND_NAMES } from "./sources/registry";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

const DEFAULT_PGLITE_DIR = "./data/pglite";

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const value = raw?.trim();
  if (!value) return { kind: "pglite", dataDir: DEFAULT_PGLITE_DIR };
  if (value.startsWith("pglite:")) {
    const dataDir = value.slice("pglite:".length);
    if (dataDir === "") throw new Error("DATABASE_URL: pglite: needs a directory, e.g. pglite:./data/pglite");
    return { kind: "pglite", dataDir };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      const url = new URL(value);
      if (!url.hostname) throw new Error("no host");
    } catch {
      throw new Error("DATABASE_URL: not a valid postgresql:// URL");
    }
    return { kind: "postgres", url: value };
  }
  throw new Error("DATABASE_URL: must start with postgresql:// or pglite: (or be unset for the embedded database)");
}

/** Comma-separated IP addresses and CIDR ranges; none by default. */
const addressListSchema = z
  .string()
  .default("")
  .superRefine((value, ctx) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().optional(),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url("must be a URL such as http://localhost:3000").optional(),
    BSM_ADMIN_EMAIL: z.email("must be an e-mail address").optional(),
    BSM_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    BSM_SEED_DEMO: z.enum(["0", "1"]).default("0"),
    BSM_SOURCE: z.enum(SOURCE_KIND_NAMES).default("simulated"),
    BSM_SOURCE_SETTINGS: z.string().optional(),
    /** Unset: the source kind's default (lib/sources/registry.ts defaultPollIntervalSeconds). */
    BSM_POLL_INTERVAL_SECONDS: z.coerce.number().int("must be a whole number").min(1).max(3600).optional(),
    BSM_POLLER: z.enum(["on", "off"]).default("on"),
    /** /api/ready fails when the last successful poll is older; unset: three poll intervals, at least 60 s (lib/health). */
    BSM_READY_MAX_STALENESS_SECONDS: z.coerce.number().int("must be a whole number").min(1).max(86_400).optional(),
    BSM_LOG_LEVEL: logLevelSchema,
    BSM_LOG_FORMAT: logFormatSchema,
    /** Encrypts saved source passwords; checked where secrets are read (lib/crypto), so a bad key never stops start-up. */
    BSM_SECRET_KEY: z.string().optional(),
    /** Proxies whose X-Forwarded-For is believed (comma-separated addresses/CIDRs); none by default. */
    BSM_TRUSTED_PROXIES: addressListSchema,
    /** Clients that may read /metrics without credentials (comma-separated addresses/CIDRs); none by default. */
    BSM_METRICS_ALLOW: addressListSchema,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production (npm start creates one)" });
    }
    if (Boolean(env.BSM_ADMIN_EMAIL) !== Boolean(env.BSM_ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["BSM_ADMIN_PASSWORD"], message: "BSM_ADMIN_EMAIL and BSM_ADMIN_PASSWORD go together" });
    }
  });

export type AppEnv = Omit<z.infer<typeof envSchema>, "DATABASE_URL"> & { database: DatabaseTarget };

export class EnvError extends Error {}

/** Validates the environment; the message is one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const result = envSchema.safeParse(blankToUndefined);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvError(`Invalid configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const { DATABASE_URL, ...rest } = result.data;
  try {
    return { ...rest, database: parseDatabaseUrl(DATABASE_URL) };
  } catch (error) {
    throw new EnvError(`Invalid configuration: ${(error as Error).message}`);
  }
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
