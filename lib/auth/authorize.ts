import { isLookupKey } from "@/lib/db/lookup-key";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { findMembership } from "@/lib/workspaces/membership-repository";

// The one authorisation check. Every page, server action and API route goes through it, so
// "another workspace's id" and "a missing id" look the same from outside: 404.

export type Permission = "view" | "edit" | "own";

const ROLE_GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(["view", "edit", "own"]),
  editor: new Set(["view", "edit"]),
  viewer: new Set(["view"]),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_GRANTS[role].has(permission);
}

export interface Actor {
  userId: string;
  /** Set when the request came with an API token rather than a browser session. */
  tokenId?: string;
  /** An API token works only inside its own workspace; anything else looks like a missing id. */
  workspaceId?: string;
}

export interface WorkspaceAccess {
  workspace: { id: string; name: string; personal: boolean };
  role: Role;
}

export async function authorizeWorkspace(
  db: PrismaClient,
  actor: Actor | null,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceAccess> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  if ((actor.workspaceId !== undefined && actor.workspaceId !== workspaceId) || !isLookupKey(workspaceId)) {
    throw new AppError("NOT_FOUND", "Workspace not found.", { reason: "not_found" });
  }
  const membership = await findMembership(db, workspaceId, actor.userId);
  if (!membership) throw new AppError("NOT_FOUND", "Workspace not found.", { reason: "not_found" });
  if (!roleAllows(membership.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${membership.role}) can't do this.`, { reason: "forbidden" });
  }
  return { workspace: membership.workspace, role: membership.role };
}
