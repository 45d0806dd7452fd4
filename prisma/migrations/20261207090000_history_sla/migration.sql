-- CreateEnum
CREATE TYPE "HistoryBucket" AS ENUM ('HOUR', 'DAY');

-- CreateEnum
CREATE TYPE "SlaPeriod" AS ENUM ('MONTH', 'QUARTER');

-- AlterTable
ALTER TABLE "NotificationProfile" ADD COLUMN "burnRateWindows" JSONB;

-- CreateTable
CREATE TABLE "BsmStateSegment" (
    "id" BIGSERIAL NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "state" "BsmState" NOT NULL,

    CONSTRAINT "BsmStateSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BsmRollup" (
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "bucket" "HistoryBucket" NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "downtimeMs" INTEGER NOT NULL,
    "failedMs" INTEGER NOT NULL,

    CONSTRAINT "BsmRollup_pkey" PRIMARY KEY ("objectType","objectKey","bucket","start")
);

-- CreateTable
CREATE TABLE "BsmCheckpoint" (
    "at" TIMESTAMP(3) NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "state" "BsmState" NOT NULL,
    "acknowledged" BOOLEAN NOT NULL,
    "impacted" BOOLEAN NOT NULL,

    CONSTRAINT "BsmCheckpoint_pkey" PRIMARY KEY ("at","objectType","objectKey")
);

-- CreateTable
CREATE TABLE "HistorySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "retentionDays" INTEGER NOT NULL DEFAULT 400,
    "rolledUpTo" TIMESTAMP(3),
    "checkpointedTo" TIMESTAMP(3),
    "prunedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HistorySettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaTarget" (
    "id" SERIAL NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "targetPercent" DOUBLE PRECISION NOT NULL,
    "period" "SlaPeriod" NOT NULL DEFAULT 'MONTH',
    "countDowntime" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExcludedPeriod" (
    "id" SERIAL NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExcludedPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BsmStateSegment_objectType_objectKey_from_idx" ON "BsmStateSegment"("objectType", "objectKey", "from");

-- CreateIndex
CREATE INDEX "BsmStateSegment_to_idx" ON "BsmStateSegment"("to");

-- CreateIndex
CREATE INDEX "BsmRollup_bucket_start_idx" ON "BsmRollup"("bucket", "start");

-- CreateIndex
CREATE UNIQUE INDEX "SlaTarget_objectType_objectKey_key" ON "SlaTarget"("objectType", "objectKey");

-- CreateIndex
CREATE INDEX "ExcludedPeriod_objectType_objectKey_from_idx" ON "ExcludedPeriod"("objectType", "objectKey", "from");

-- AddForeignKey
ALTER TABLE "ExcludedPeriod" ADD CONSTRAINT "ExcludedPeriod_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
