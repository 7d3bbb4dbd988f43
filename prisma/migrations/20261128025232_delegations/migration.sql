-- CreateTable
CREATE TABLE "Delegation" (
    "id" BIGSERIAL NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delegation_startsOn_endsOn_idx" ON "Delegation"("startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "Delegation_fromId_idx" ON "Delegation"("fromId");

