-- CreateEnum
CREATE TYPE "NotificationDeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'WITHHELD');

-- CreateTable
CREATE TABLE "NotificationProfile" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "businessServiceIds" INTEGER[],
    "componentIds" INTEGER[],
    "triggers" TEXT[],
    "availabilityThreshold" DOUBLE PRECISION NOT NULL DEFAULT 99,
    "sendRecovery" BOOLEAN NOT NULL DEFAULT true,
    "renotifyMinutes" INTEGER NOT NULL DEFAULT 0,
    "alertFrom" INTEGER NOT NULL DEFAULT 1,
    "stopAlertAfter" INTEGER NOT NULL DEFAULT 0,
    "timePeriod" JSONB NOT NULL,
    "includeNotes" BOOLEAN NOT NULL DEFAULT true,
    "methods" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationProfileRole" (
    "profileId" INTEGER NOT NULL,
    "roleId" INTEGER NOT NULL,

    CONSTRAINT "NotificationProfileRole_pkey" PRIMARY KEY ("profileId","roleId")
);

-- CreateTable
CREATE TABLE "NotificationContact" (
    "userId" TEXT NOT NULL,
    "pager" TEXT NOT NULL DEFAULT '',
    "variables" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "NotificationContact_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationObjectState" (
    "profileId" INTEGER NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationObjectState_pkey" PRIMARY KEY ("profileId","objectType","objectKey")
);

-- CreateTable
CREATE TABLE "NotificationEvent" (
    "id" BIGSERIAL NOT NULL,
    "profileId" INTEGER NOT NULL,
    "objectType" "BsmObjectType" NOT NULL,
    "objectKey" TEXT NOT NULL,
    "objectName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "availability" DOUBLE PRECISION NOT NULL,
    "send" BOOLEAN NOT NULL,
    "skipReason" TEXT,

    CONSTRAINT "NotificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" BIGSERIAL NOT NULL,
    "eventId" BIGINT NOT NULL,
    "recipientId" TEXT,
    "recipientName" TEXT NOT NULL,
    "methodIndex" INTEGER NOT NULL,
    "methodKind" TEXT NOT NULL,
    "status" "NotificationDeliveryStatus" NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "exitCode" INTEGER,
    "output" TEXT NOT NULL DEFAULT '',
    "errorOutput" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationProfile_ownerId_idx" ON "NotificationProfile"("ownerId");

-- CreateIndex
CREATE INDEX "NotificationProfileRole_roleId_idx" ON "NotificationProfileRole"("roleId");

-- CreateIndex
CREATE INDEX "NotificationEvent_profileId_at_idx" ON "NotificationEvent"("profileId", "at");

-- CreateIndex
CREATE INDEX "NotificationEvent_objectType_objectKey_at_idx" ON "NotificationEvent"("objectType", "objectKey", "at");

-- CreateIndex
CREATE INDEX "NotificationEvent_at_idx" ON "NotificationEvent"("at");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_eventId_idx" ON "NotificationDelivery"("eventId");

-- AddForeignKey
ALTER TABLE "NotificationProfile" ADD CONSTRAINT "NotificationProfile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationProfileRole" ADD CONSTRAINT "NotificationProfileRole_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "NotificationProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationProfileRole" ADD CONSTRAINT "NotificationProfileRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationContact" ADD CONSTRAINT "NotificationContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationObjectState" ADD CONSTRAINT "NotificationObjectState_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "NotificationProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationEvent" ADD CONSTRAINT "NotificationEvent_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "NotificationProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NotificationEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

