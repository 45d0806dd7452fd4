-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CheckState" AS ENUM ('OK', 'WARNING', 'CRITICAL', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "StateType" AS ENUM ('SOFT', 'HARD');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostTemplate" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "HostTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Host" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "alias" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "hostGroups" TEXT[],
    "keywords" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Host_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostTemplateOnHost" (
    "hostId" INTEGER NOT NULL,
    "hostTemplateId" INTEGER NOT NULL,
    "priority" INTEGER NOT NULL,

    CONSTRAINT "HostTemplateOnHost_pkey" PRIMARY KEY ("hostId","hostTemplateId")
);

-- CreateTable
CREATE TABLE "ServiceCheck" (
    "id" SERIAL NOT NULL,
    "hostId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "state" "CheckState" NOT NULL DEFAULT 'OK',
    "stateType" "StateType" NOT NULL DEFAULT 'HARD',
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "inDowntime" BOOLEAN NOT NULL DEFAULT false,
    "output" TEXT NOT NULL DEFAULT '',
    "lastStateChange" TIMESTAMP(3),
    "contributingTemplates" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Component" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "hostTemplateId" INTEGER NOT NULL,
    "requiredOnline" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Component_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComponentHost" (
    "componentId" INTEGER NOT NULL,
    "hostId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ComponentHost_pkey" PRIMARY KEY ("componentId","hostId")
);

-- CreateTable
CREATE TABLE "BusinessService" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessServiceComponent" (
    "businessServiceId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BusinessServiceComponent_pkey" PRIMARY KEY ("businessServiceId","componentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "HostTemplate_name_key" ON "HostTemplate"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Host_name_key" ON "Host"("name");

-- CreateIndex
CREATE INDEX "HostTemplateOnHost_hostTemplateId_idx" ON "HostTemplateOnHost"("hostTemplateId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCheck_hostId_name_key" ON "ServiceCheck"("hostId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Component_name_key" ON "Component"("name");

-- CreateIndex
CREATE INDEX "ComponentHost_hostId_idx" ON "ComponentHost"("hostId");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessService_name_key" ON "BusinessService"("name");

-- CreateIndex
CREATE INDEX "BusinessServiceComponent_componentId_idx" ON "BusinessServiceComponent"("componentId");

-- AddForeignKey
ALTER TABLE "HostTemplateOnHost" ADD CONSTRAINT "HostTemplateOnHost_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostTemplateOnHost" ADD CONSTRAINT "HostTemplateOnHost_hostTemplateId_fkey" FOREIGN KEY ("hostTemplateId") REFERENCES "HostTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCheck" ADD CONSTRAINT "ServiceCheck_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Component" ADD CONSTRAINT "Component_hostTemplateId_fkey" FOREIGN KEY ("hostTemplateId") REFERENCES "HostTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentHost" ADD CONSTRAINT "ComponentHost_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentHost" ADD CONSTRAINT "ComponentHost_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessServiceComponent" ADD CONSTRAINT "BusinessServiceComponent_businessServiceId_fkey" FOREIGN KEY ("businessServiceId") REFERENCES "BusinessService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessServiceComponent" ADD CONSTRAINT "BusinessServiceComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

