-- AlterTable
ALTER TABLE "WorkflowInstance" ADD COLUMN     "key" TEXT,
ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "ownerId" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessLog_at_idx" ON "AccessLog"("at");

-- CreateIndex
CREATE INDEX "AccessLog_actorId_at_idx" ON "AccessLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_ownerId_at_idx" ON "AccessLog"("ownerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowInstance_key_key" ON "WorkflowInstance"("key");

-- CreateIndex
CREATE INDEX "WorkflowInstance_departmentId_kind_idx" ON "WorkflowInstance"("departmentId", "kind");

-- CreateIndex
CREATE INDEX "WorkflowInstance_closedAt_idx" ON "WorkflowInstance"("closedAt");

