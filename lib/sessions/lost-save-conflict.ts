import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { getParticipantSession } from "./get-participant-session";

/**
 * The 409 for a step whose save found the session changed since it was read (another tab or
 * request saved first): completed, or moved to another step. The same reasons as the checks
 * before the save, so the page and the session API answer a race as they answer an old tab.
 */
export async function lostSaveConflict(db: PrismaClient, token: string): Promise<AppError> {
  const now = await getParticipantSession(db, token);
  return now.status === "completed"
    ? new AppError("CONFLICT", "This form was already submitted.", { reason: "session_completed" })
    : new AppError("CONFLICT", "This step was already saved in another window. Reload to continue.", { reason: "stale_step" });
}
