-- CreateTable
CREATE TABLE "SourceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "kind" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "encryptedSecrets" TEXT,
    "secretFields" TEXT[],
    "pollIntervalSeconds" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByEmail" TEXT NOT NULL,

    CONSTRAINT "SourceSettings_pkey" PRIMARY KEY ("id")
);

