-- AlterTable
ALTER TABLE "BusinessService" ADD COLUMN "notes" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Component" ADD COLUMN "notes" TEXT NOT NULL DEFAULT '';
