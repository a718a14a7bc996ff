import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// Sign-in attempts per email key (lib/auth/verify-credentials.ts). Raw SQL because the claim
// must be one conditional statement: "count this attempt unless the window's limit is
// reached" cannot be split into a read and a write without letting parallel attempts through.

type Db = PrismaClient | Prisma.TransactionClient;

export type AttemptClaim = { admitted: true; attempts: number; windowEndsAt: Date } | { admitted: false; windowEndsAt: Date };

/**
 * Counts one attempt for `emailKey` and admits it, or refuses it once `limit` attempts are
 * counted in the current window. A window starts with the first attempt after the previous
 * one ended and lasts `windowMs`. Atomic in the database: whatever the concurrency and the
 * number of app instances, at most `limit` attempts are admitted per window.
 */
export async function claimSignInAttempt(db: Db, emailKey: string, opts: { limit: number; windowMs: number; now: Date }): Promise<AttemptClaim> {
  const windowEndsAt = new Date(opts.now.getTime() + opts.windowMs);
  const rows = await db.$queryRaw<{ attempts: number; windowEndsAt: Date }[]>`
    INSERT INTO "SignInThrottle" AS t ("emailKey", "attempts", "windowEndsAt")
    VALUES (${emailKey}, 1, ${windowEndsAt}::timestamp(3))
    ON CONFLICT ("emailKey") DO UPDATE SET
      "attempts" = CASE WHEN t."windowEndsAt" <= ${opts.now}::timestamp(3) THEN 1 ELSE t."attempts" + 1 END,
      "windowEndsAt" = CASE WHEN t."windowEndsAt" <= ${opts.now}::timestamp(3) THEN ${windowEndsAt}::timestamp(3) ELSE t."windowEndsAt" END
    WHERE t."windowEndsAt" <= ${opts.now}::timestamp(3) OR t."attempts" < ${opts.limit}
    RETURNING "attempts", "windowEndsAt"`;
  const row = rows[0];
  if (row) return { admitted: true, attempts: Number(row.attempts), windowEndsAt: new Date(row.windowEndsAt) };
  const current = await db.$queryRaw<{ windowEndsAt: Date }[]>`SELECT "windowEndsAt" FROM "SignInThrottle" WHERE "emailKey" = ${emailKey}`;
  return { admitted: false, windowEndsAt: new Date(current[0]?.windowEndsAt ?? windowEndsAt) };
}

/** Gives back one admitted attempt (a successful sign-in does not count against the limit). */
export async function releaseSignInAttempt(db: Db, emailKey: string): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "emailKey" = ${emailKey}`;
}

/** Deletes up to 100 rows whose window has ended (they would restart at 1 anyway). */
export async function pruneSignInThrottle(db: Db, now: Date): Promise<void> {
  await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "emailKey" IN (
    SELECT "emailKey" FROM "SignInThrottle" WHERE "windowEndsAt" <= ${now}::timestamp(3) LIMIT 100)`;
}
