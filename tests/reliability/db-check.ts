// Reads a stopped app's database directly (PGlite directory or PostgreSQL), for assertions a
// client cannot make through the API: rows without their partner, raw secret columns.
import { openDatabase, type Database } from "@/lib/db/open-database";
import type { AppStore } from "./app-process";

export async function withStoreDb<T>(store: AppStore, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: store.databaseUrl, dataDir: store.dataDir, poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export interface Consistency {
  sessions: number;
  acceptedDeliveries: number;
  /** Sessions no delivery row points at (a half-written request). */
  sessionsWithoutDelivery: string[];
  /** Accepted delivery rows whose session does not exist. */
  deliveriesWithoutSession: string[];
  /** Ids from `expected` with no session, or no accepted delivery row naming it. */
  missing: string[];
}

export async function checkConsistency(db: Database, workflowId: string, expected: Iterable<string>): Promise<Consistency> {
  const sessions = await db.prisma.session.findMany({ where: { workflowId }, select: { id: true } });
  const deliveries = await db.prisma.delivery.findMany({ where: { workflowId, outcome: "accepted" }, select: { id: true, sessionId: true } });
  const sessionIds = new Set(sessions.map((s) => s.id));
  const deliveredIds = new Set(deliveries.map((d) => d.sessionId).filter((id): id is string => id !== null));
  return {
    sessions: sessions.length,
    acceptedDeliveries: deliveries.length,
    sessionsWithoutDelivery: [...sessionIds].filter((id) => !deliveredIds.has(id)),
    deliveriesWithoutSession: deliveries.filter((d) => !d.sessionId || !sessionIds.has(d.sessionId)).map((d) => d.id),
    missing: [...expected].filter((id) => !sessionIds.has(id) || !deliveredIds.has(id)),
  };
}
