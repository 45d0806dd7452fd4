import "server-only";
import { env } from "../env";
import { openDatabase, type Database } from "./client";

export type { Database } from "./client";
export { openDatabase } from "./client";

const globalForDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

/** The process-wide database (kept on globalThis so dev-mode reloads do not open PGlite twice). */
export function getDatabase(): Database {
  globalForDatabase.bsmDatabase ??= openDatabase(env().database);
  return globalForDatabase.bsmDatabase;
}

export function getPrisma() {
  return getDatabase().prisma;
}
