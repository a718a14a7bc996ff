import type { TEventType } from "./schemas";

// The one INSERT…SELECT that writes session events into the outbox (OutboundMessage), shared by
// every writer of sessions: the webhook's batched statement (as one more CTE), the direct
// link, and step saves. It joins the session rows to the workflow's enabled endpoints that
// subscribe to the event type, so a workflow without endpoints writes nothing and pays one
// index probe. The payload is built in SQL from the session's own columns, in the shape the
// receivers are promised (docs/outbound-webhooks.md).

/** SQL expressions for the session's columns in the statement's FROM. */
export interface SessionExpressions {
  id: string;
  workflowId: string;
  versionId: string;
  test: string;
  status: string;
  data: string;
  prefilled: string;
  createdAt: string;
  completedAt: string;
}

const iso = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** "msg_" + 32 hex characters of a random UUID: the webhook-id receivers deduplicate on. */
export const NEW_MESSAGE_ID = `'msg_' || replace(gen_random_uuid()::text, '-', '')`;

/**
 * `INSERT INTO "OutboundMessage" … SELECT … FROM {from}`, due at `now` (an SQL expression of
 * type timestamp(3)). `step` adds `data.step` ({ index, id }) for session.step_completed.
 */
export function insertMessagesSql(type: TEventType, from: string, s: SessionExpressions, now: string, step?: { index: string; id: string }): string {
  const data = `jsonb_build_object(
      'sessionId', ${s.id}, 'workflowId', ${s.workflowId}, 'version', wv."version", 'test', ${s.test},
      'status', ${s.status}, 'answers', ${s.data}, 'prefilled', to_jsonb(${s.prefilled}), 'startedAt', ${iso(s.createdAt)})
    || CASE WHEN ${s.completedAt} IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('completedAt', ${iso(s.completedAt)}) END
    ${step ? `|| jsonb_build_object('step', jsonb_build_object('index', ${step.index}, 'id', ${step.id}))` : ""}`;
  return `INSERT INTO "OutboundMessage" ("id", "endpointId", "workflowId", "sessionId", "type", "payload", "nextAttemptAt", "createdAt")
    SELECT ${NEW_MESSAGE_ID}, e."id", ${s.workflowId}, ${s.id}, '${type}',
           jsonb_build_object('type', '${type}', 'timestamp', ${iso(now)}, 'data', ${data}), ${now}, ${now}
      FROM ${from}
      JOIN "OutboundEndpoint" e ON e."workflowId" = ${s.workflowId} AND e."enabled" AND '${type}' = ANY(e."events")
      JOIN "WorkflowVersion" wv ON wv."id" = ${s.versionId}`;
}

/** The same statement over Session rows picked by `where` (parameters are the caller's). */
export function insertMessagesForSessionsSql(type: TEventType, where: string, now: string, step?: { index: string; id: string }): string {
  return insertMessagesSql(
    type,
    `"Session" ss`,
    {
      id: `ss."id"`,
      workflowId: `ss."workflowId"`,
      versionId: `ss."versionId"`,
      test: `ss."test"`,
      status: `ss."status"::text`,
      data: `ss."data"`,
      prefilled: `ss."prefilled"`,
      createdAt: `ss."createdAt"`,
      completedAt: `ss."completedAt"`,
    },
    now,
    step,
  ) + `\n     WHERE ${where}`;
}
