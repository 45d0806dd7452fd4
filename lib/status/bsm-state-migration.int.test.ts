import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { applyMigrations, readMigrations } from "../db/migrate";

const BSM_STATE_MIGRATION = "20261204100400_bsm_state_enum";

describe.each(RUNTIMES)("the BsmState migration on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { migrate: false });

  it("keeps the stored states that were text, and turns text that is no state into OPERATIONAL", async () => {
    const database = await freshDatabase();
    const migrations = await readMigrations();
    const position = migrations.findIndex((migration) => migration.name === BSM_STATE_MIGRATION);
    expect(position).toBeGreaterThan(0);
    const migrate = (upTo: number) =>
      database.withConnection((connection) => applyMigrations(connection, { migrations: migrations.slice(0, upTo), useAdvisoryLock: false }));

    await migrate(position);
    await database.withConnection(async (connection) => {
      await connection.exec(`
        INSERT INTO "BsmObjectStatus" ("objectType", "objectKey", state, acknowledged, impacted, "changedAt") VALUES
          ('COMPONENT_HOST', '1:web-1', 'FAILED', true, false, now()),
          ('COMPONENT', '1', 'DOWNTIME', false, false, now()),
          ('BUSINESS_SERVICE', '9', 'OFFLINE', false, true, now()),
          ('BUSINESS_SERVICE', '10', 'garbled', false, false, now());
        INSERT INTO "BsmTransition" ("objectType", "objectKey", at, "fromState", "toState", "fromAcknowledged", "toAcknowledged", "fromImpacted", "toImpacted") VALUES
          ('COMPONENT', '1', now(), 'OPERATIONAL', 'FAILED', false, false, false, false);`);
    });
    await migrate(position + 1);

    const statuses = await database.prisma.bsmObjectStatus.findMany({ orderBy: [{ objectType: "asc" }, { objectKey: "asc" }], select: { objectKey: true, state: true } });
    expect(statuses).toEqual([
      { objectKey: "1:web-1", state: "FAILED" },
      { objectKey: "1", state: "DOWNTIME" },
      { objectKey: "10", state: "OPERATIONAL" },
      { objectKey: "9", state: "OFFLINE" },
    ]);
    expect(await database.prisma.bsmTransition.findMany({ select: { fromState: true, toState: true } })).toEqual([{ fromState: "OPERATIONAL", toState: "FAILED" }]);
  });
});
