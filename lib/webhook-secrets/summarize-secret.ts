import type { SecretSummary } from "./schemas";

type Row = Omit<SecretSummary, "active">;

export function summarizeSecret(row: Row, now: Date): SecretSummary {
  const active = row.revokedAt === null && (row.expiresAt === null || row.expiresAt.getTime() > now.getTime());
  return { id: row.id, last4: row.last4, format: row.format, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt, lastVerifiedAt: row.lastVerifiedAt, active };
}
