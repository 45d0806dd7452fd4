-- AlterEnum
ALTER TYPE "ApiTokenScope" ADD VALUE 'METRICS';
