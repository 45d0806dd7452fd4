-- CreateEnum
CREATE TYPE "MembershipChangeKind" AS ENUM ('DETECTED', 'REMOVED');

-- AlterTable
ALTER TABLE "Component" ADD COLUMN "ruleHostGroup" TEXT,
ADD COLUMN "ruleNamePattern" TEXT;

-- CreateTable
CREATE TABLE "ComponentMembershipChange" (
    "id" SERIAL NOT NULL,
    "componentId" INTEGER NOT NULL,
    "hostId" INTEGER NOT NULL,
    "kind" "MembershipChangeKind" NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,
    "dismissedAt" TIMESTAMP(3),

    CONSTRAINT "ComponentMembershipChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComponentMembershipChange_componentId_hostId_key" ON "ComponentMembershipChange"("componentId", "hostId");

-- CreateIndex
CREATE INDEX "ComponentMembershipChange_hostId_idx" ON "ComponentMembershipChange"("hostId");

-- AddForeignKey
ALTER TABLE "ComponentMembershipChange" ADD CONSTRAINT "ComponentMembershipChange_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentMembershipChange" ADD CONSTRAINT "ComponentMembershipChange_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;
