-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('FULL', 'READ_ONLY');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" "ApiTokenScope" NOT NULL DEFAULT 'FULL';

