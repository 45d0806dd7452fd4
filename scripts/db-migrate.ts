// `npm run db:migrate`: applies the committed migrations to DATABASE_URL's database (the app does the same on start).
import { EnvError, env } from "../lib/env";
import { openDatabase } from "../lib/db/client";

async function main(): Promise<number> {
  let target;
  try {
    target = env().database;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const database = openDatabase(target);
  try {
    const { applied } = await database.migrate();
    console.log(applied.length === 0 ? "The database is up to date." : `Applied: ${applied.join(", ")}`);
    return 0;
  } catch (error) {
    console.error(`Migration failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
