-- DropIndex
DROP INDEX "Delivery_workflowId_receivedAt_idx";

-- DropIndex
DROP INDEX "Session_workflowId_test_createdAt_idx";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "prefilledKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

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
CREATE INDEX "Session_workflowId_test_createdAt_id_status_currentStep_com_idx" ON "Session"("workflowId", "test", "createdAt", "id", "status", "currentStep", "completedAt");

-- AddForeignKey
ALTER TABLE "DeliveryHourlyCount" ADD CONSTRAINT "DeliveryHourlyCount_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which fields a session had prefilled: the keys its data held when it was created. Set by
-- the database for every insert path (the webhook group commit, the Prisma writers, the direct
-- link) unless the writer filled the column itself. Not modelled by Prisma: a trigger.
CREATE FUNCTION "signet_session_prefilled_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(NEW."prefilledKeys"), 0) = 0 AND jsonb_typeof(NEW."data") = 'object' THEN
    NEW."prefilledKeys" := ARRAY(SELECT e.key FROM jsonb_each(NEW."data") AS e WHERE e.value <> 'null'::jsonb ORDER BY e.key);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Session_prefilledKeys" BEFORE INSERT ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "signet_session_prefilled_keys"();

-- Sessions that nobody has answered yet still hold exactly their prefill.
UPDATE "Session" SET "prefilledKeys" = ARRAY(SELECT e.key FROM jsonb_each("data") AS e WHERE e.value <> 'null'::jsonb ORDER BY e.key)
 WHERE "status" = 'open' AND "currentStep" = 0 AND jsonb_typeof("data") = 'object';
