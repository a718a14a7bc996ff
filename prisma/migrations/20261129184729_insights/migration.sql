-- DropIndex
DROP INDEX "Delivery_workflowId_receivedAt_idx";

-- DropIndex
DROP INDEX "Session_workflowId_test_createdAt_idx";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "furthestStep" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DeliveryHourlyCount" (
    "workflowId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "test" BOOLEAN NOT NULL,
    "outcome" "DeliveryOutcome" NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveryHourlyCount_pkey" PRIMARY KEY ("workflowId","hour","test","outcome","reasonCode")
);

-- CreateIndex
CREATE INDEX "Delivery_workflowId_receivedAt_test_outcome_reasonCode_idx" ON "Delivery"("workflowId", "receivedAt", "test", "outcome", "reasonCode");

-- CreateIndex
CREATE INDEX "Session_workflowId_test_createdAt_id_status_furthestStep_co_idx" ON "Session"("workflowId", "test", "createdAt", "id", "status", "furthestStep", "completedAt");

-- AddForeignKey
ALTER TABLE "DeliveryHourlyCount" ADD CONSTRAINT "DeliveryHourlyCount_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The furthest step reached is at least the step a session is on now; for existing sessions
-- that is all that is known (a Back before this column left no trace).
UPDATE "Session" SET "furthestStep" = "currentStep" WHERE "furthestStep" < "currentStep";
