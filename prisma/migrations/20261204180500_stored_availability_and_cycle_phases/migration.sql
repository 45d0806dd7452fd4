-- Status reads stop recomputing history: the poller stores each object's counts, 24-hour
-- availability and timeline with its status, and the time the last cycle spent in each phase.
-- AlterTable
ALTER TABLE "BsmObjectStatus"
  ADD COLUMN "counts" JSONB,
  ADD COLUMN "availability" DOUBLE PRECISION NOT NULL DEFAULT 100,
  ADD COLUMN "operationalMs" INTEGER NOT NULL DEFAULT 86400000,
  ADD COLUMN "failedMs" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "downtimeMs" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "timeline" JSONB;

-- AlterTable
ALTER TABLE "PollerStatus"
  ADD COLUMN "lastReadMs" INTEGER,
  ADD COLUMN "lastEvaluateMs" INTEGER,
  ADD COLUMN "lastStoreMs" INTEGER,
  ADD COLUMN "availabilityAt" TIMESTAMP(3);
