import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findUserByEmail } from "@/lib/auth/user-repository";
import { AppError } from "@/lib/errors/app-error";
import { listWorkspacesForUser } from "@/lib/workspaces/membership-repository";
import { createApiToken } from "./create-api-token";

/**
 * For the admin CLI (`signet token:create`): a token for the user with this email, in the
 * given workspace or else their personal one. Runs as that user, so it obeys the same rule
 * as the UI: only editors and owners of the workspace get a token for it.
 */
export async function createApiTokenForEmail(db: PrismaClient, input: { email: string; workspaceId?: string; name?: string }) {
  const user = await findUserByEmail(db, input.email.trim().toLowerCase());
  if (!user) throw new AppError("NOT_FOUND", `No user with the email ${input.email}. Create one with user:create.`, { reason: "not_found" });
  const workspaces = await listWorkspacesForUser(db, user.id);
  const target = input.workspaceId
    ? workspaces.find((m) => m.workspace.id === input.workspaceId)
    : (workspaces.find((m) => m.workspace.personal) ?? workspaces[0]);
  if (!target) {
    throw new AppError("NOT_FOUND", input.workspaceId ? `${user.email} is not a member of workspace ${input.workspaceId}.` : `${user.email} has no workspace.`, {
      reason: "not_found",
    });
  }
  const created = await createApiToken(db, { userId: user.id }, target.workspace.id, { name: input.name ?? "CLI token" });
  return { ...created, workspace: target.workspace, role: target.role, email: user.email };
}
