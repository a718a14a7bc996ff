import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor, Permission } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { findEndpointWorkflow } from "./endpoint-repository";

/** Access to an endpoint through its workflow; unknown and foreign ids are the same 404. */
export async function authorizeEndpoint(db: PrismaClient, actor: Actor | null, endpointId: string, permission: Permission) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.", { reason: "unauthenticated" });
  const endpoint = await findEndpointWorkflow(db, endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "Endpoint not found.", { reason: "not_found" });
  try {
    return await authorizeWorkflow(db, actor, endpoint.workflowId, permission);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "Endpoint not found.", { reason: "not_found" });
    throw error;
  }
}
