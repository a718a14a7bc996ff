import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hookSql } from "../db/hot-path-sql";

// The shared token buckets (table "RateLimitBucket", UNLOGGED). One statement takes tokens:
// it creates the bucket full on first use, refills it for the time passed by the database's
// clock (one clock for every instance), hands out as many whole tokens as it has up to
// `want`, and returns what it handed out. Concurrent takes on one key queue on its row lock,
// so instances never hand out the same token twice.

type Db = PrismaClient | Prisma.TransactionClient;

export interface TakeTokensInput {
  key: string;
  /** Tokens asked for (≥ 1). */
  want: number;
  /** Bucket size: the most tokens a key can hold. */
  capacity: number;
  /** Refill rate, tokens per millisecond. */
  perMs: number;
}

export interface TakenTokens {
  /** Whole tokens handed out, 0…want. */
  granted: number;
  /** Tokens left in the bucket after this take (fractional). */
  tokens: number;
}

const NOW_MS = `extract(epoch FROM clock_timestamp()) * 1000`;
// The bucket as it stands at EXCLUDED."updatedAtMs" (this statement's clock reading); the clock
// never runs backwards for a bucket (a reading older than its last take refills nothing).
const AVAILABLE = `LEAST($3::float8, b."tokens" + GREATEST(0, EXCLUDED."updatedAtMs" - b."updatedAtMs") * $4::float8)`;
const GRANTED = `LEAST($2::int, floor(${AVAILABLE}))::int`;

const TAKE_SQL = `INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "granted", "updatedAtMs")
  SELECT $1, $3::float8 - g, g, ${NOW_MS} FROM (SELECT LEAST($2::int, floor($3::float8))::int AS g) AS first_take
  ON CONFLICT ("key") DO UPDATE SET
    "granted" = ${GRANTED},
    "tokens" = ${AVAILABLE} - ${GRANTED},
    "updatedAtMs" = GREATEST(b."updatedAtMs", EXCLUDED."updatedAtMs")
  RETURNING "granted", "tokens"`;

export async function takeTokens(db: Db, input: TakeTokensInput): Promise<TakenTokens> {
  const rows = await hookSql(db).query<{ granted: number; tokens: number }>(TAKE_SQL, [input.key, input.want, input.capacity, input.perMs]);
  const row = rows[0]!;
  return { granted: Number(row.granted), tokens: Number(row.tokens) };
}

/**
 * Deletes buckets nobody took from for `idleMs`. With idleMs ≥ the time a bucket takes to
 * refill from empty, a deleted bucket was full, and a full bucket is exactly what the next
 * take creates: deleting changes no decision, it only bounds the table (per-IP keys).
 */
export async function deleteIdleBuckets(db: Db, idleMs: number): Promise<number> {
  const rows = await hookSql(db).query<{ n: number }>(
    `WITH gone AS (DELETE FROM "RateLimitBucket" WHERE "updatedAtMs" < ${NOW_MS} - $1::float8 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [idleMs],
  );
  return Number(rows[0]?.n ?? 0);
}
