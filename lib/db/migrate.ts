import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlConnection } from "./sql";

// Read at run time from the checkout (next start runs there); not bundled.
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// The same number Prisma Migrate locks on, so our migrator and Prisma's never run at once.
const MIGRATION_ADVISORY_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migrations' names (their directories), in the order they are applied. */
export async function readMigrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = await readMigrationNames(dir);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// Prisma Migrate's own bookkeeping table, so the regular Prisma toolchain sees our migrations as applied.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export class MigrationError extends Error {}

/**
 * Applies every migration not yet recorded, each in its own transaction, in name order.
 * Idempotent; refuses to continue past a migration that failed earlier or was edited after being applied.
 */
export async function applyMigrations(
  connection: SqlConnection,
  options: { migrations?: Migration[]; useAdvisoryLock: boolean },
): Promise<{ applied: string[] }> {
  const migrations = options.migrations ?? (await readMigrations());
  if (options.useAdvisoryLock) await connection.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK]);
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = recorded.get(migration.name);
      if (row) {
        if (!row.finished_at) throw new MigrationError(`migration ${migration.name} failed earlier; fix the database and mark it rolled back`);
        if (row.checksum !== migration.checksum) throw new MigrationError(`migration ${migration.name} was edited after it was applied`);
        continue;
      }
      await connection.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
      });
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    if (options.useAdvisoryLock) await connection.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK]);
  }
}
