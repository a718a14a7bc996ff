import { isLookupKey } from "@/lib/db/lookup-key";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The one query behind a session page's framing policy: from the capability token to the
// definition of its workflow's live version (where the allowed origins are published).

export async function findLiveDefinitionBySessionToken(db: PrismaClient, token: string): Promise<unknown | null> {
  if (!isLookupKey(token)) return null;
  const session = await db.session.findUnique({
    where: { token },
    select: { workflow: { select: { liveVersion: { select: { definition: true } } } } },
  });
  return session?.workflow.liveVersion?.definition ?? null;
}
