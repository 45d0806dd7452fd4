// `npm run poller`: polls the monitoring source without serving the UI (for PostgreSQL set-ups where
// app instances run with BSM_POLLER=off; the advisory lock keeps it to one poller per database anyway).
// It follows the source settings saved in the UI, so it needs the app's BSM_SECRET_KEY (or the
// data/secret-key that npm start created on this machine).
// npm runs it with tsx's require hook (tsx/cjs), compiling on the main thread: the `tsx` command adds a
// process of its own and a V8 instance for its module hooks (~110 MB), hence no top-level await here;
// 4 MB semi-spaces (V8's default grows to 16 MB) keep each cycle's short-lived garbage from bloating the heap.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/client";
import { EnvError, env } from "../lib/env";
import { logFor } from "../lib/log";
import { SourceSettingsError } from "../lib/sources/create-source";
import { startPolling } from "../lib/server/polling";

async function main(): Promise<void> {
  const keyFile = path.resolve(import.meta.dirname, "..", "data", "secret-key");
  if (!process.env.BSM_SECRET_KEY && existsSync(keyFile)) process.env.BSM_SECRET_KEY = readFileSync(keyFile, "utf8").trim();
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      logFor("poller").fatal(error.message);
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
      logFor("poller").fatal(`Invalid configuration: ${error.message}`);
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

main().catch((error: unknown) => {
  logFor("poller").fatal({ err: error }, "The poller stopped on an error");
  process.exit(1);
});
