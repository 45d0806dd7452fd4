import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import type { SqlConnection } from "@/lib/db/sql";

// What a database's schema is, as far as the app is concerned: columns, constraints, indexes, enums.
async function describeSchema(connection: SqlConnection) {
  const columns = await connection.query(`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`);
  const constraints = await connection.query(`
    SELECT rel.relname AS table_name, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations' ORDER BY 1, 2`);
  const indexes = await connection.query(`
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`);
  const enums = await connection.query(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`);
  return { columns, constraints, indexes, enums };
}

type SchemaDescription = Awaited<ReturnType<typeof describeSchema>>;

/**
 * What the migrations add that Prisma's schema cannot express, by constraint and index name: the column
 * list an INCLUDE adds (docs/history.md §3.6). The constraint and its index are in the declared schema too, so
 * the equality below requires both, and withoutIncludes requires each to end with its INCLUDE.
 */
const INCLUDES_BEYOND_PRISMA: Record<string, string> = { BsmRollup_pkey: ` INCLUDE ("downtimeMs", "failedMs")` };

/** The migrated schema with those additions taken out, failing when one is missing. */
function withoutIncludes(schema: SchemaDescription): SchemaDescription {
  const strip = (name: string, definition: string) => {
    const include = INCLUDES_BEYOND_PRISMA[name];
    if (include === undefined) return definition;
    expect(definition.endsWith(include), `${name} ends with${include}: ${definition}`).toBe(true);
    return definition.slice(0, -include.length);
  };
  return {
    ...schema,
    constraints: schema.constraints.map((row) => ({ ...row, definition: strip(String(row.name), String(row.definition)) })),
    indexes: schema.indexes.map((row) => ({ ...row, indexdef: strip(String(row.indexname), String(row.indexdef)) })),
  };
}

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe exactly the same database", async () => {
    // The SQL Prisma would write for schema.prisma from scratch (the WebAssembly engine: no download, no database).
    const schemaSql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(schemaSql).toContain("CREATE TABLE");

    let fromMigrations: Database | undefined;
    let fromSchema: Database | undefined;
    try {
      fromMigrations = openDatabase({ kind: "pglite", dataDir: "memory://" });
      await fromMigrations.migrate();
      fromSchema = openDatabase({ kind: "pglite", dataDir: "memory://" });
      await fromSchema.withConnection((connection) => connection.exec(schemaSql));

      const migrated = await fromMigrations.withConnection(describeSchema);
      const declared = await fromSchema.withConnection(describeSchema);
      expect(migrated.columns.length).toBeGreaterThan(0);
      expect(withoutIncludes(migrated)).toEqual(declared);
    } finally {
      await fromMigrations?.close();
      await fromSchema?.close();
    }
  });
});
