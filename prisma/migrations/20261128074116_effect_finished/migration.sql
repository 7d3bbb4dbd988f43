-- AlterTable
ALTER TABLE "OutboxEffect" ADD COLUMN     "finishedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxEffect_finishedAt_dispatchedAt_idx" ON "OutboxEffect"("finishedAt", "dispatchedAt");


-- Effects handed over before this column existed were delivered by the rules of the time:
-- counted as finished, so nothing already sent is looked at again.
UPDATE "OutboxEffect" SET "finishedAt" = "dispatchedAt" WHERE "dispatchedAt" IS NOT NULL;
