import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toPage, type Page } from "@/lib/api/pagination";
import { findApiTokenLabels } from "@/lib/api-tokens/api-token-repository";
import { authorizeWorkspace, type Actor } from "@/lib/auth/authorize";
import { findUserByEmail, findUserEmails } from "@/lib/auth/user-repository";
import { findWorkflowNames } from "@/lib/workflows/workflow-repository";
import { findInvitationEmails } from "@/lib/workspaces/invitation-repository";
import { auditActionLabel } from "./actions";
import { listAuditEventRows } from "./audit-repository";
import type { TAuditFilter } from "./schemas";

export interface AuditEventView {
  id: string;
  action: string;
  /** The action in words. */
  description: string;
  createdAt: Date;
  actor: { id: string; email: string | null } | null;
  target: { type: string; id: string; label: string | null };
  /** The workflow the event concerns (itself, or the owner of its secret or endpoint); name null once deleted. */
  workflow: { id: string; name: string | null } | null;
  data: Record<string, unknown>;
}

type Row = Awaited<ReturnType<typeof listAuditEventRows>>[number];

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function workflowIdOf(row: Row): string | null {
  return row.targetType === "workflow" ? row.targetId : text(asRecord(row.data).workflowId);
}

/**
 * One page of a workspace's audit log, newest first: who did what, when, to which workflow,
 * secret, token, member or endpoint. Every member of the workspace can read it; the events
 * never hold a secret (only ids, names and last-4s).
 */
export async function listAuditEvents(
  db: PrismaClient,
  actor: Actor | null,
  workspaceId: string,
  filter: TAuditFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<AuditEventView>> {
  await authorizeWorkspace(db, actor, workspaceId, "view");
  let actorUserId: string | undefined;
  if (filter.actor) {
    const user = await findUserByEmail(db, filter.actor);
    if (!user) return { data: [], nextCursor: null };
    actorUserId = user.id;
  }
  const rows = await listAuditEventRows(
    db,
    workspaceId,
    { action: filter.action, actorUserId, targetType: filter.targetType, targetId: filter.target, workflowId: filter.workflow, from: filter.from, to: filter.to },
    { take: page.limit + 1, cursor: page.cursor },
  );
  const ids = (pick: (row: Row) => string | null | undefined) => [...new Set(rows.map(pick).filter((v): v is string => Boolean(v)))];
  const [emails, workflowNames, tokens, invitations] = await Promise.all([
    findUserEmails(db, ids((r) => r.actorUserId).concat(ids((r) => (r.targetType === "user" ? r.targetId : null)))),
    findWorkflowNames(db, ids(workflowIdOf)),
    findApiTokenLabels(db, ids((r) => (r.targetType === "api_token" ? r.targetId : null))),
    findInvitationEmails(db, ids((r) => (r.targetType === "invitation" ? r.targetId : null))),
  ]);

  const targetLabel = (row: Row): string | null => {
    const data = asRecord(row.data);
    switch (row.targetType) {
      case "workflow":
        return workflowNames.get(row.targetId) ?? text(data.name);
      case "webhook_secret":
        return text(data.last4) ? `…${String(data.last4)}` : null;
      case "api_token": {
        const token = tokens.get(row.targetId);
        const name = token?.name ?? text(data.name);
        const last4 = token?.last4 ?? text(data.last4);
        return name ? `${name}${last4 ? ` (…${last4})` : ""}` : null;
      }
      case "user":
        return emails.get(row.targetId) ?? text(data.email);
      case "invitation":
        return invitations.get(row.targetId) ?? text(data.email);
      default:
        return text(data.url) ?? text(data.name);
    }
  };

  return toPage(rows, page.limit, (row): AuditEventView => {
    const workflowId = workflowIdOf(row);
    return {
      id: row.id,
      action: row.action,
      description: auditActionLabel(row.action),
      createdAt: row.createdAt,
      actor: row.actorUserId ? { id: row.actorUserId, email: emails.get(row.actorUserId) ?? null } : null,
      target: { type: row.targetType, id: row.targetId, label: targetLabel(row) },
      workflow: workflowId ? { id: workflowId, name: workflowNames.get(workflowId) ?? null } : null,
      data: asRecord(row.data),
    };
  });
}
