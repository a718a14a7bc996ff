import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import type { SecretSummary } from "./schemas";
import { listSecretRows } from "./secret-repository";
import { summarizeSecret } from "./summarize-secret";

/** A workflow's secrets, newest first: last 4 and dates only, never values. */
export async function listSecrets(db: PrismaClient, actor: Actor | null, workflowId: string, now = new Date()): Promise<SecretSummary[]> {
  await authorizeWorkflow(db, actor, workflowId, "view");
  const rows = await listSecretRows(db, workflowId);
  return rows.map((row) => summarizeSecret(row, now));
}
