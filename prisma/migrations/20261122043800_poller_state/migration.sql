-- CreateEnum
CREATE TYPE "BsmObjectType" AS ENUM ('COMPONENT_HOST', 'COMPONENT', 'BUSINESS_SERVICE');

-- AlterTable
ALTER TABLE "Host" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CheckStateChange" (
    "id" BIGSERIAL NOT NULL,
    "host" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "state" "CheckState" NOT NULL,
    "acknowledged" BOOLEAN NOT NULL,
    "inDowntime" BOOLEAN NOT NULL,

    CONSTRAINT "CheckStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BsmObjectStatus" (
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "acknowledged" BOOLEAN NOT NULL,
    "impacted" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BsmObjectStatus_pkey" PRIMARY KEY ("objectType","objectKey")
);

-- CreateTable
CREATE TABLE "BsmTransition" (
    "id" BIGSERIAL NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "fromAcknowledged" BOOLEAN NOT NULL,
    "toAcknowledged" BOOLEAN NOT NULL,
    "fromImpacted" BOOLEAN NOT NULL,
    "toImpacted" BOOLEAN NOT NULL,

    CONSTRAINT "BsmTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollerStatus" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sourceKind" TEXT NOT NULL,
    "sourceDescription" TEXT NOT NULL,
    "cursor" TEXT,
    "lastPollAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastFullReadAt" TIMESTAMP(3),
    "lastCycleMs" INTEGER,
    "lastError" TEXT,
    "staleSince" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollerStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "SourceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckStateChange_host_check_at_idx" ON "CheckStateChange"("host", "check", "at");

-- CreateIndex
CREATE INDEX "CheckStateChange_at_idx" ON "CheckStateChange"("at");

-- CreateIndex
CREATE INDEX "BsmTransition_objectType_objectKey_at_idx" ON "BsmTransition"("objectType", "objectKey", "at");

-- CreateIndex
CREATE INDEX "BsmTransition_at_idx" ON "BsmTransition"("at");

-- CreateIndex
CREATE INDEX "SourceEvent_at_idx" ON "SourceEvent"("at");

