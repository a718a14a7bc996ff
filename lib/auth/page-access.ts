import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors/app-error";
import { getDb } from "@/lib/db/client";
import { authorizeWorkspace, type Permission } from "./authorize";
import { currentActor } from "./current-actor";

/**
 * For pages: the signed-in actor and their access to a workspace. Anonymous → sign-in,
 * no membership (or no such workspace) → 404, role too low → back to the workspace.
 * Pages only redirect; every server action checks again on its own.
 */
export async function requireWorkspacePage(workspaceId: string, permission: Permission = "view") {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/workspaces/${workspaceId}`)}`);
  try {
    const access = await authorizeWorkspace(await getDb(), actor, workspaceId, permission);
    return { actor, ...access };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") redirect(`/workspaces/${workspaceId}`);
    throw error;
  }
}

export async function requireSignedInPage(callbackUrl = "/") {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return actor;
}
