-- CreateTable
CREATE TABLE "MetricsSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByEmail" TEXT NOT NULL,

    CONSTRAINT "MetricsSettings_pkey" PRIMARY KEY ("id")
);
