// Every action the audit log records, with the words the audit page shows. `recordAuditEvent`
// takes only these, so a new security-relevant action is added here (and gets its label and
// its place in the page's filter) before anything can write it.

export const AUDIT_ACTIONS = {
  "workflow.created": { label: "Workflow created", target: "workflow" },
  "workflow.deleted": { label: "Workflow deleted", target: "workflow" },
  "workflow.published": { label: "Workflow published", target: "workflow" },
  "workflow.hmac_enabled": { label: "HMAC authentication turned on", target: "workflow" },
  "workflow.hmac_disabled": { label: "HMAC authentication turned off", target: "workflow" },
  "secret.created": { label: "Signing secret created", target: "webhook_secret" },
  "secret.revealed": { label: "Signing secret revealed", target: "webhook_secret" },
  "secret.revoked": { label: "Signing secret revoked", target: "webhook_secret" },
  "api_token.created": { label: "API token created", target: "api_token" },
  "api_token.revoked": { label: "API token revoked", target: "api_token" },
  "member.invited": { label: "Member invited", target: "invitation" },
  "member.role_changed": { label: "Member's role changed", target: "user" },
  "member.removed": { label: "Member removed", target: "user" },
  "invitation.revoked": { label: "Invitation revoked", target: "invitation" },
  "invitation.accepted": { label: "Invitation accepted", target: "invitation" },
  "invitation.declined": { label: "Invitation declined", target: "invitation" },
  // Completion-webhook endpoints (session events sent to a partner's URL).
  "endpoint.created": { label: "Completion endpoint created", target: "endpoint" },
  "endpoint.updated": { label: "Completion endpoint changed", target: "endpoint" },
  "endpoint.deleted": { label: "Completion endpoint deleted", target: "endpoint" },
  "endpoint.disabled": { label: "Completion endpoint disabled", target: "endpoint" },
  "endpoint.secret_rotated": { label: "Completion endpoint secret rotated", target: "endpoint" },
} as const satisfies Record<string, { label: string; target: AuditTargetType }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_TARGET_TYPES = {
  workflow: "Workflow",
  webhook_secret: "Signing secret",
  api_token: "API token",
  user: "Member",
  invitation: "Invitation",
  endpoint: "Completion endpoint",
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}
