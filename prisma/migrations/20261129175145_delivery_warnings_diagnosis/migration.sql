-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "diagnosis" JSONB,
ADD COLUMN     "warnings" JSONB;
