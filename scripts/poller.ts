// `npm run poller`: polls the monitoring source without serving the UI (for PostgreSQL set-ups where
// app instances run with BSM_POLLER=off; the advisory lock keeps it to one poller per database anyway).
import { openDatabase } from "../lib/db/client";
import { EnvError, env } from "../lib/env";
import { SourceSettingsError } from "../lib/sources/create-source";
import { startPolling } from "../lib/server/polling";

async function main(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const database = openDatabase(config.database);
  await database.migrate();
  let poller;
  try {
    poller = await startPolling(config, database);
  } catch (error) {
    if (error instanceof SourceSettingsError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const shutdown = async () => {
    await poller.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

await main();
