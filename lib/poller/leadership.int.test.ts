import { describe, expect, it } from "vitest";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { postgresLeadership } from "./leadership";

describe("poller election on PostgreSQL", () => {
  const freshDatabase = freshDatabaseOpener("postgres", { migrate: false });

  it("lets exactly one instance poll, and another take over when it goes", async () => {
    const database = await freshDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const first = postgresLeadership(database.target.url, 100);
    const second = postgresLeadership(database.target.url, 100);
    try {
      await first.acquired();
      let secondLeads = false;
      const secondAcquired = second.acquired().then(() => {
        secondLeads = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(secondLeads).toBe(false);

      await first.release();
      await secondAcquired;
      expect(secondLeads).toBe(true);
    } finally {
      await first.release();
      await second.release();
    }
  });
});
