// Seeds a scratch PostgreSQL database for the insights benchmark with set-based SQL
// (generate_series, one statement per table): a workspace with 20 published workflows,
// 1,000,000 delivery rows over the last 30 days (80 % on one busy workflow), and 200,000
// sessions of that workflow spread over the funnel. Users, tokens and workflows go through the
// app's own functions, so they are exactly what the app would have written.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createApiToken } from "../lib/api-tokens/create-api-token";
import { signUp } from "../lib/auth/sign-up";
import { createSecret } from "../lib/webhook-secrets/create-secret";
import { createWorkflow } from "../lib/workflows/create-workflow";
import { publishWorkflow } from "../lib/workflows/publish-workflow";

export interface InsightsSeed {
  workspaceId: string;
  userId: string;
  token: string;
  busyWorkflowId: string;
  workflowIds: string[];
  deliveries: number;
  sessions: number;
  seedSeconds: number;
}

const STEPS = [
  { type: "form", id: "details", title: "Your details", fields: [{ type: "email", key: "email", label: "Email", required: true }, { type: "text", key: "name", label: "Full name" }] },
  { type: "form", id: "address", title: "Address", fields: [{ type: "text", key: "city", label: "City" }] },
  { type: "form", id: "confirm", title: "Confirm", fields: [{ type: "number", key: "amount", label: "Amount" }, { type: "checkbox", key: "agree", label: "I agree" }] },
];

export async function seedInsights(
  prisma: PrismaClient,
  databaseUrl: string,
  opts: { deliveries?: number; sessions?: number; workflows?: number; now?: Date } = {},
): Promise<InsightsSeed> {
  const started = performance.now();
  const deliveries = opts.deliveries ?? 1_000_000;
  const sessions = opts.sessions ?? 200_000;
  const now = (opts.now ?? new Date()).toISOString();
  const user = await signUp(prisma, { email: `insights-${Date.now()}@example.com`, password: "correct horse battery staple" });
  const actor = { userId: user.userId };
  const token = await createApiToken(prisma, actor, user.workspaceId, { name: "insights bench" });
  const workflowIds: string[] = [];
  for (let i = 0; i < (opts.workflows ?? 20); i++) {
    const wf = await createWorkflow(prisma, actor, user.workspaceId, {
      name: i === 0 ? "Customer onboarding" : `Partner intake ${i}`,
      definition: { trigger: { type: "webhook", hmac: { enabled: true, scheme: "standard-webhooks" } }, steps: STEPS, mapping: [{ from: "customer.email", to: "email" }] },
    });
    // HMAC on needs an active secret before publishing; the seeded rows never verify against it.
    await createSecret(prisma, actor, wf.id, {}, { keys: [{ id: "bench", key: randomBytes(32) }] });
    await publishWorkflow(prisma, actor, wf.id);
    workflowIds.push(wf.id);
  }
  const [busy, ...others] = workflowIds as [string, ...string[]];
  const version = await prisma.workflowVersion.findFirstOrThrow({ where: { workflowId: busy }, select: { id: true } });

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Outcomes by i % 100: 84 accepted (2 of them with warnings), 3 duplicates, 13 rejections
    // over five reasons; one in ten is a test request (with its small stored payload).
    await client.query(
      `INSERT INTO "Delivery" ("id", "workflowId", "receivedAt", "test", "outcome", "reasonCode", "status", "secretId", "secretLast4",
                               "latencyMs", "sessionId", "messageId", "contentType", "headers", "bodyLength", "bodySha256", "body")
       SELECT 'bd' || lpad(to_hex(i), 8, '0'),
              CASE WHEN i % 5 = 0 THEN ($3::text[])[1 + (i / 5) % cardinality($3::text[])] ELSE $2 END,
              $4::timestamp(3) - random() * interval '30 days',
              i % 10 = 0,
              (CASE WHEN i % 100 < 84 THEN 'accepted' WHEN i % 100 < 87 THEN 'duplicate' ELSE 'rejected' END)::"DeliveryOutcome",
              CASE WHEN i % 100 < 82 THEN 'accepted' WHEN i % 100 < 84 THEN 'accepted_with_warnings' WHEN i % 100 < 87 THEN 'duplicate'
                   ELSE (ARRAY['signature_mismatch', 'signature_mismatch', 'timestamp_out_of_tolerance', 'signature_missing', 'invalid_body', 'mapping_failed'])[1 + (i / 100) % 6] END,
              CASE WHEN i % 100 < 84 THEN 201 WHEN i % 100 < 87 THEN 200 ELSE 401 END,
              NULL, 'ab12', 3 + i % 40, NULL, 'msg_' || i, 'application/json',
              '{"content-type":"application/json","user-agent":"partner-crm/4.2","webhook-signature":"v1,abcd…"}'::jsonb,
              160, md5(i::text),
              CASE WHEN i % 10 = 0 THEN convert_to('{"customer":{"email":"person' || i || '@example.com","name":"Zoë"},"amount":' || (i % 500) || '}', 'UTF8') END
         FROM generate_series(1, $1::int) AS i`,
      [deliveries, busy, others, now],
    );
    // Sessions by i % 100: 55 completed (in 30 s to 15 min), 20 on step 3, 15 on step 2, 10 on
    // step 1; one in ten a test session. Names include non-ASCII and a formula-looking value.
    await client.query(
      `INSERT INTO "Session" ("id", "workflowId", "versionId", "token", "test", "source", "status", "data", "prefilled", "currentStep", "furthestStep", "createdAt", "updatedAt", "completedAt")
       SELECT 'bs' || lpad(to_hex(i), 8, '0'), $2, $3, 'bench_' || md5(i::text) || i, i % 10 = 0, 'webhook',
              (CASE WHEN i % 100 < 55 THEN 'completed' ELSE 'open' END)::"SessionStatus",
              jsonb_build_object('email', 'person' || i || '@example.com',
                                 'name', (ARRAY['Zoë Ångström', 'Łukasz Żółw', '山田 太郎', 'Ada Lovelace', '=HYPERLINK(1)'])[1 + i % 5],
                                 'city', (ARRAY['Gent', 'Kraków', 'São Paulo', 'Zürich'])[1 + i % 4],
                                 'amount', i % 1000 - 100, 'agree', i % 2 = 0),
              ARRAY['email', 'name'],
              CASE WHEN i % 100 < 75 THEN 2 WHEN i % 100 < 90 THEN 1 ELSE 0 END,
              CASE WHEN i % 100 < 75 THEN 2 WHEN i % 100 < 90 THEN 1 ELSE 0 END,
              created, created,
              CASE WHEN i % 100 < 55 THEN created + (30 + i % 870) * interval '1 second' END
         FROM (SELECT i, $4::timestamp(3) - random() * interval '30 days' AS created FROM generate_series(1, $1::int) AS i) AS s`,
      [sessions, busy, version.id, now],
    );
    await client.query(`VACUUM ANALYZE "Delivery"`);
    await client.query(`VACUUM ANALYZE "Session"`);
  } finally {
    await client.end();
  }
  return {
    workspaceId: user.workspaceId,
    userId: user.userId,
    token: token.token,
    busyWorkflowId: busy,
    workflowIds,
    deliveries,
    sessions,
    seedSeconds: (performance.now() - started) / 1000,
  };
}
