-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "allServiceGroups" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "serviceGroups" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ServiceCheck" ADD COLUMN     "serviceGroups" TEXT[] DEFAULT ARRAY[]::TEXT[];

