-- CreateTable
CREATE TABLE "Dashlet" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL DEFAULT '',
    "size" TEXT NOT NULL DEFAULT 'medium',
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dashlet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dashlet_userId_position_idx" ON "Dashlet"("userId", "position");

-- AddForeignKey
ALTER TABLE "Dashlet" ADD CONSTRAINT "Dashlet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

