-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "WorkflowInstance" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "stateVersion" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "requesterId" TEXT NOT NULL,
    "departmentId" TEXT,
    "waitingOn" TEXT[],
    "dueAt" TIMESTAMP(3),
    "reworkCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "instanceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "actorId" TEXT,
    "event" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEffect" (
    "id" BIGSERIAL NOT NULL,
    "instanceId" UUID,
    "version" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEffect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardMessage" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "viewerId" TEXT,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowInstance_number_key" ON "WorkflowInstance"("number");

-- CreateIndex
CREATE INDEX "WorkflowInstance_kind_state_idx" ON "WorkflowInstance"("kind", "state");

-- CreateIndex
CREATE INDEX "WorkflowInstance_requesterId_idx" ON "WorkflowInstance"("requesterId");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitingOn_idx" ON "WorkflowInstance" USING GIN ("waitingOn");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_instanceId_version_key" ON "AuditEntry"("instanceId", "version");

-- CreateIndex
CREATE INDEX "OutboxEffect_dispatchedAt_id_idx" ON "OutboxEffect"("dispatchedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEffect_instanceId_version_seq_key" ON "OutboxEffect"("instanceId", "version", "seq");

-- CreateIndex
CREATE INDEX "CardMessage_instanceId_idx" ON "CardMessage"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "CardMessage_platform_messageId_key" ON "CardMessage"("platform", "messageId");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "WorkflowInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEffect" ADD CONSTRAINT "OutboxEffect_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "WorkflowInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardMessage" ADD CONSTRAINT "CardMessage_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "WorkflowInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

