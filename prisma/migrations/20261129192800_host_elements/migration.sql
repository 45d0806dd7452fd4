-- CreateEnum
CREATE TYPE "ReflectionMode" AS ENUM ('MANUAL', 'SEMI_AUTOMATIC', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "HostExportState" AS ENUM ('ON', 'OFF', 'NA');

-- CreateEnum
CREATE TYPE "ReflectStatus" AS ENUM ('Ok', 'Detected', 'Changed', 'Removed', 'Error');

-- CreateTable
CREATE TABLE "ConnectorSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reflectionMode" "ReflectionMode" NOT NULL DEFAULT 'MANUAL',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectorSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostTypeExportSetting" (
    "hostType" TEXT NOT NULL,
    "state" "HostExportState" NOT NULL DEFAULT 'ON',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostTypeExportSetting_pkey" PRIMARY KEY ("hostType")
);

-- CreateTable
CREATE TABLE "ReflectedHost" (
    "host" TEXT NOT NULL,
    "hostType" TEXT NOT NULL,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "exportEnabled" BOOLEAN NOT NULL DEFAULT false,
    "status" "ReflectStatus" NOT NULL DEFAULT 'Ok',
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReflectedHost_pkey" PRIMARY KEY ("host")
);

-- CreateTable
CREATE TABLE "HostElement" (
    "host" TEXT NOT NULL,
    "hostType" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostElement_pkey" PRIMARY KEY ("host")
);

-- CreateTable
CREATE TABLE "HostReflectEvent" (
    "id" BIGSERIAL NOT NULL,
    "host" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "hostType" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "userEmail" TEXT,
    "message" TEXT,

    CONSTRAINT "HostReflectEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReflectedHost_hostType_idx" ON "ReflectedHost"("hostType");

-- CreateIndex
CREATE INDEX "ReflectedHost_pending_idx" ON "ReflectedHost"("pending");

-- CreateIndex
CREATE INDEX "HostReflectEvent_host_at_idx" ON "HostReflectEvent"("host", "at");

-- AddForeignKey
ALTER TABLE "HostElement" ADD CONSTRAINT "HostElement_host_fkey" FOREIGN KEY ("host") REFERENCES "ReflectedHost"("host") ON DELETE CASCADE ON UPDATE CASCADE;

