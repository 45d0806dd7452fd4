-- CreateTable
CREATE TABLE "OutboundPolicySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "allow" TEXT[],
    "deny" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByEmail" TEXT NOT NULL,

    CONSTRAINT "OutboundPolicySettings_pkey" PRIMARY KEY ("id")
);

