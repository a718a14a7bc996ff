import type { EndpointRow } from "./endpoint-repository";
import { ENDPOINT_DISABLED_REASONS, type TDisabledReason } from "./schemas";

// An endpoint as the API and the builder show it: never a secret, only its last 4 characters.

export interface EndpointView {
  id: string;
  workflowId: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: TDisabledReason | null;
  /** Why it is disabled, in words (for the builder's banner). */
  disabledMessage: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
  secrets: { id: string; last4: string; createdAt: Date; expiresAt: Date | null }[];
}

export function endpointView(row: EndpointRow & { secrets: EndpointView["secrets"] }): EndpointView {
  const reason = row.disabledReason && Object.hasOwn(ENDPOINT_DISABLED_REASONS, row.disabledReason) ? (row.disabledReason as TDisabledReason) : null;
  return {
    id: row.id,
    workflowId: row.workflowId,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.enabled ? null : reason,
    disabledMessage: row.enabled || !reason ? null : ENDPOINT_DISABLED_REASONS[reason],
    disabledAt: row.enabled ? null : row.disabledAt,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    secrets: row.secrets,
  };
}
