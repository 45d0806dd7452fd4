import { EnvError, env } from "../env";
import { getDatabase } from "../db";
import { closeLiveStreams } from "../events/live-events";
import { lineLogger, logFor } from "../log";
import { SourceSettingsError } from "../sources/create-source";
import { bootstrapAccounts } from "./bootstrap-accounts";
import { startLiveEventRelay, startPolling } from "./polling";

/** Runs once when the Next.js server starts (instrumentation.ts): config, migrations, first accounts, polling. */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      logFor("web").fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = getDatabase();
  const { applied } = await database.migrate();
  if (applied.length > 0) logFor("db").info(`Applied ${applied.length} database migration(s): ${applied.join(", ")}`);
  await bootstrapAccounts(
    database.prisma,
    {
      adminEmail: config.BSM_ADMIN_EMAIL,
      adminPassword: config.BSM_ADMIN_PASSWORD,
      seedDemoViewer: config.BSM_SEED_DEMO === "1",
    },
    lineLogger(logFor("auth")),
  );
  startLiveEventRelay(database);
  // Open event streams would otherwise hold a graceful shutdown forever.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => closeLiveStreams());
  if (config.BSM_POLLER === "on") {
    try {
      await startPolling(config, database);
    } catch (error) {
      if (error instanceof SourceSettingsError) {
        logFor("web").fatal(`Invalid configuration: ${error.message}`);
        process.exit(1);
      }
      throw error;
    }
  }
}
