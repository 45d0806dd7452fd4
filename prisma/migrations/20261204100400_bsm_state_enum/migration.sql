-- A BSM object's stored state was free text; it becomes one of the engine's states (lib/bsm BsmState).
-- CreateEnum
CREATE TYPE "BsmState" AS ENUM ('OPERATIONAL', 'DOWNTIME', 'FAILED', 'OFFLINE');

-- AlterTable: only the poller writes these, always an engine state; other text would read as OPERATIONAL
-- (lib/status/bsm-object.ts readStoredState), so it becomes that.
ALTER TABLE "BsmObjectStatus" ALTER COLUMN "state" TYPE "BsmState" USING (
  CASE WHEN "state" IN ('OPERATIONAL', 'DOWNTIME', 'FAILED', 'OFFLINE') THEN "state" ELSE 'OPERATIONAL' END
)::"BsmState";

-- AlterTable
ALTER TABLE "BsmTransition"
  ALTER COLUMN "fromState" TYPE "BsmState" USING (
    CASE WHEN "fromState" IN ('OPERATIONAL', 'DOWNTIME', 'FAILED', 'OFFLINE') THEN "fromState" ELSE 'OPERATIONAL' END
  )::"BsmState",
  ALTER COLUMN "toState" TYPE "BsmState" USING (
    CASE WHEN "toState" IN ('OPERATIONAL', 'DOWNTIME', 'FAILED', 'OFFLINE') THEN "toState" ELSE 'OPERATIONAL' END
  )::"BsmState";
