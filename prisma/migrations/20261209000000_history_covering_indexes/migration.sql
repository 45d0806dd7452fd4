-- Long-window history reads (lib/history/read.ts) take every column they need from an index: an object's
-- rows lie on pages spread over the year (history is written in time order), and fetching each from the
-- table was most of a 30-day read and of a year's report.

-- DropIndex
DROP INDEX "BsmStateSegment_objectType_objectKey_from_idx";

-- CreateIndex
CREATE INDEX "BsmStateSegment_objectType_objectKey_to_from_state_idx" ON "BsmStateSegment"("objectType", "objectKey", "to", "from", "state");

-- The same key, with the sums carried in the index (Prisma's schema cannot express INCLUDE).
ALTER TABLE "BsmRollup" DROP CONSTRAINT "BsmRollup_pkey",
  ADD CONSTRAINT "BsmRollup_pkey" PRIMARY KEY ("objectType", "objectKey", "bucket", "start") INCLUDE ("downtimeMs", "failedMs");
