import type { FormState } from "@/lib/http/form-state";

// The After completion tab's data as the server page hands it to the client (dates as ISO text).

export const EVENT_LABELS = {
  "session.started": "Session started",
  "session.step_completed": "Step completed",
  "session.completed": "Session completed",
} as const;
export type EventType = keyof typeof EVENT_LABELS;

export interface EndpointItem {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledMessage: string | null;
  disabledAt: string | null;
  failingSince: string | null;
  secrets: { id: string; last4: string; expiresAt: string | null }[];
}

export interface AttemptItem {
  id: string;
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

export interface MessageItem {
  id: string;
  type: string;
  status: "pending" | "delivered" | "failed";
  createdAt: string;
  nextAttemptAt: string | null;
  payload: string;
  attempts: AttemptItem[];
}

export interface EndpointActions {
  update: (input: { url?: string; description?: string; events?: string[]; enabled?: boolean }) => Promise<FormState>;
  remove: (prev: FormState) => Promise<FormState>;
  rotate: () => Promise<FormState<{ secret: string }>>;
  resend: (messageId: string) => Promise<FormState>;
  recover: (since: string) => Promise<FormState>;
}
