import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { authorizeEndpoint } from "./endpoint-access";
import { findEndpointRow } from "./endpoint-repository";
import { endpointView, type EndpointView } from "./endpoint-view";

export async function getEndpoint(db: PrismaClient, actor: Actor | null, endpointId: string): Promise<EndpointView> {
  await authorizeEndpoint(db, actor, endpointId, "view");
  const row = await findEndpointRow(db, endpointId, new Date());
  if (!row) throw new AppError("NOT_FOUND", "Endpoint not found.", { reason: "not_found" });
  return endpointView(row);
}
