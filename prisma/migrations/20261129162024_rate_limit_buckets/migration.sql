-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "granted" INTEGER NOT NULL,
    "updatedAtMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- Not in schema.prisma (Prisma has no word for it): buckets are rebuilt from nothing after a
-- crash (a full bucket), so they need no WAL, and a take then commits without a WAL flush.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
