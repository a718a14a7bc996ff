/**
 * True when a database write lost to a unique constraint. Prisma reports it as P2002; through
 * driver adapters the raw Postgres code 23505 can surface instead, so accept both.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } };
  if (e.code === "P2002" || e.code === "23505") return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause && (adapterCause.originalCode === "23505" || adapterCause.kind === "UniqueConstraintViolation")) return true;
  return e.cause !== undefined && e.cause !== error ? isUniqueViolation(e.cause) : false;
}
