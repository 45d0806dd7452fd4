-- AlterTable
ALTER TABLE "PollerStatus" ADD COLUMN     "availabilityHistoryId" BIGINT;
