// `npm run db:migrate`: applies the committed migrations to DATABASE_URL's database (the app does the same on start).
import { openDatabase } from "../lib/db/client";
import { BAD_INPUT, databaseTargetOrExplain } from "./command-line";

async function main(): Promise<number> {
  const target = databaseTargetOrExplain();
  if (!target) return BAD_INPUT;
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
