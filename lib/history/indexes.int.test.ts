import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";

// Long-window reads (read.ts: storedSegments, rolledUpTotals) take every column from an index: an object's
// history lies on pages spread over the year, and fetching each row from the table was most of their time.

describe.each(RUNTIMES)("history indexes on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("carry every column the segment and roll-up reads take", async () => {
    const { prisma } = await freshDatabase();
    const rows = await prisma.$queryRawUnsafe<{ name: string; definition: string }[]>(
      `SELECT indexname::text AS name, indexdef AS definition FROM pg_indexes WHERE tablename IN ('BsmStateSegment', 'BsmRollup') ORDER BY indexname`,
    );
    const definitions = new Map(rows.map((row) => [row.name, row.definition.replace(/^.* USING btree /, "")]));
    expect(definitions.get("BsmStateSegment_objectType_objectKey_to_from_state_idx")).toBe(`("objectType", "objectKey", "to", "from", state)`);
    expect(definitions.has("BsmStateSegment_objectType_objectKey_from_idx")).toBe(false);
    expect(definitions.get("BsmRollup_pkey")).toBe(`("objectType", "objectKey", bucket, start) INCLUDE ("downtimeMs", "failedMs")`);
    const [constraint] = await prisma.$queryRawUnsafe<{ type: string }[]>(`SELECT contype::text AS type FROM pg_constraint WHERE conname = 'BsmRollup_pkey'`);
    expect(constraint.type).toBe("p");
  });
});
