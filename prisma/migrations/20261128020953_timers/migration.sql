-- CreateTable
CREATE TABLE "Timer" (
    "id" BIGSERIAL NOT NULL,
    "instanceId" UUID NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "enqueuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firedAt" TIMESTAMP(3),

    CONSTRAINT "Timer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Timer_status_enqueuedAt_idx" ON "Timer"("status", "enqueuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Timer_instanceId_stateVersion_step_key" ON "Timer"("instanceId", "stateVersion", "step");

