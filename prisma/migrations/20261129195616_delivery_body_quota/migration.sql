-- AlterTable
ALTER TABLE "Delivery" ALTER COLUMN "bodyLength" SET DATA TYPE BIGINT;

-- CreateTable
CREATE TABLE "TestPayloadUsage" (
    "workflowId" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,

    CONSTRAINT "TestPayloadUsage_pkey" PRIMARY KEY ("workflowId")
);

-- AddForeignKey
ALTER TABLE "TestPayloadUsage" ADD CONSTRAINT "TestPayloadUsage_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
