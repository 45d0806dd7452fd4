-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "actionBsm" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SourceAction" (
    "id" SERIAL NOT NULL,
    "userId" TEXT,
    "userName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targets" JSONB NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "sticky" BOOLEAN,
    "expiresAt" TIMESTAMP(3),
    "startAt" TIMESTAMP(3),
    "endAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "message" TEXT,
    "sourceKind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "SourceAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceAction_status_idx" ON "SourceAction"("status");

-- AddForeignKey
ALTER TABLE "SourceAction" ADD CONSTRAINT "SourceAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
