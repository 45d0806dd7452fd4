import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { applyMigrations, readMigrations, type Migration } from "./migrate";

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

describe.each(RUNTIMES)("migrations on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { migrate: false });

  it("applies the committed migrations once, then nothing, and Prisma works on the result", async () => {
    const database = await freshDatabase();
    const committed = await readMigrations();
    expect(committed.length).toBeGreaterThan(0);

    expect((await database.migrate()).applied).toEqual(committed.map((m) => m.name));
    expect((await database.migrate()).applied).toEqual([]);

    const recorded = await database.withConnection((connection) =>
      connection.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
        `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(recorded).toEqual(committed.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));

    const user = await database.prisma.user.create({ data: { email: "a@b.example", name: "A", passwordHash: "x" } });
    expect(await database.prisma.user.findUnique({ where: { id: user.id } })).toMatchObject({ email: "a@b.example" });
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const database = await freshDatabase();
    const first = migration("20260101000000_first", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    await database.withConnection((c) => applyMigrations(c, { migrations: [first], useAdvisoryLock: runtime === "postgres" }));
    const edited = migration(first.name, `CREATE TABLE "Thing" ("id" BIGINT PRIMARY KEY);`);
    await expect(
      database.withConnection((c) => applyMigrations(c, { migrations: [edited], useAdvisoryLock: runtime === "postgres" })),
    ).rejects.toThrow("migration 20260101000000_first was edited after it was applied");
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const database = await freshDatabase();
    const good = migration("20260101000000_good", `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);`);
    const bad = migration("20260102000000_bad", `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY); SELECT * FROM "Missing";`);
    const migrate = (migrations: Migration[]) =>
      database.withConnection((c) => applyMigrations(c, { migrations, useAdvisoryLock: runtime === "postgres" }));

    await expect(migrate([good, bad])).rejects.toThrow(/Missing/);
    const tables = await database.withConnection((c) =>
      c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      ),
    );
    expect(tables.map((t) => t.table_name)).toEqual(["Good", "_prisma_migrations"]);
    const names = await database.withConnection((c) => c.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`));
    expect(names.map((n) => n.migration_name)).toEqual([good.name]);
  });
});

describe("migrations on postgres, concurrently", () => {
  const freshDatabase = freshDatabaseOpener("postgres", { migrate: false });

  it("two instances starting at once apply each migration exactly once", async () => {
    const database = await freshDatabase();
    const results = await Promise.all([database.migrate(), database.migrate(), database.migrate()]);
    const committed = (await readMigrations()).map((m) => m.name);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(committed);
  });
});
