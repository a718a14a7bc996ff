-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil";

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "emailKey" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("emailKey")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_windowEndsAt_idx" ON "SignInThrottle"("windowEndsAt");
