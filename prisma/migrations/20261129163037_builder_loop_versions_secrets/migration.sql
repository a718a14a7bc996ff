-- DropIndex
DROP INDEX "WorkflowVersion_workflowId_version_key";

-- AlterTable
ALTER TABLE "WebhookSecret" ADD COLUMN     "lastVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "whsecKeyBytes" INTEGER;

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_workflowId_test_version_key" ON "WorkflowVersion"("workflowId", "test", "version");

-- Generated whsec_ secrets are 32 random bytes after the prefix.
UPDATE "WebhookSecret" SET "whsecKeyBytes" = 32 WHERE "format" = 'whsec';
