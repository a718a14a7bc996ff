import { currentActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { listEndpointMessages } from "@/lib/outbound-webhooks/list-endpoint-messages";
import { listEndpoints } from "@/lib/outbound-webhooks/list-endpoints";
import { verificationSnippets } from "@/lib/outbound-webhooks/verification-snippets";
import { getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { CardSection } from "@/components/ui/card-section";
import { AddEndpointForm } from "@/components/completion/add-endpoint-form";
import { EndpointCard } from "@/components/completion/endpoint-card";
import { CodeBlock } from "@/components/webhook/copy-button";
import { createEndpointAction, deleteEndpointAction, recoverMessagesAction, resendMessageAction, rotateEndpointSecretAction, updateEndpointAction } from "./actions";

export const metadata = { title: "After completion" };

/** Messages shown per endpoint; the API pages through all of them. */
const MESSAGES_SHOWN = 20;

// The layout already answered 404 for foreign ids and unknown workflows.
export default async function CompletionPage({ params }: { params: Promise<{ workspaceId: string; workflowId: string }> }) {
  const { workspaceId, workflowId } = await params;
  const db = await getDb();
  const actor = await currentActor();
  const view = await getWorkflowView(db, actor, workflowId, getConfig().publicUrl);
  const endpoints = await listEndpoints(db, actor, workflowId);
  const messages = await Promise.all(endpoints.map((e) => listEndpointMessages(db, actor, e.id, { take: MESSAGES_SHOWN })));

  return (
    <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <CardSection id="endpoints-heading" title="Completion webhooks">
          <p className="text-sm text-slate-700">
            Each endpoint receives a signed POST (Standard Webhooks) when a session of this workflow starts, completes a step or completes, retried for
            about 27 hours until it answers 2xx.
          </p>
          {endpoints.length === 0 && <p className="text-sm text-slate-600">No endpoint yet.</p>}
        </CardSection>
        {endpoints.map((endpoint, i) => (
          <EndpointCard
            key={endpoint.id}
            canEdit={view.canEdit}
            endpoint={{
              id: endpoint.id,
              url: endpoint.url,
              description: endpoint.description,
              events: endpoint.events,
              enabled: endpoint.enabled,
              disabledMessage: endpoint.disabledMessage,
              disabledAt: endpoint.disabledAt?.toISOString() ?? null,
              failingSince: endpoint.failingSince?.toISOString() ?? null,
              secrets: endpoint.secrets.map((s) => ({ id: s.id, last4: s.last4, expiresAt: s.expiresAt?.toISOString() ?? null })),
            }}
            messages={messages[i]!.messages.map((m) => ({
              id: m.id,
              type: m.type,
              status: m.status,
              createdAt: m.createdAt.toISOString(),
              nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
              payload: JSON.stringify(m.payload, null, 2),
              attempts: m.attempts.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
            }))}
            actions={{
              update: updateEndpointAction.bind(null, workspaceId, workflowId, endpoint.id),
              remove: deleteEndpointAction.bind(null, workspaceId, workflowId, endpoint.id),
              rotate: rotateEndpointSecretAction.bind(null, workspaceId, workflowId, endpoint.id),
              resend: resendMessageAction.bind(null, workspaceId, workflowId),
              recover: recoverMessagesAction.bind(null, workspaceId, workflowId, endpoint.id),
            }}
          />
        ))}
      </div>
      <div className="space-y-6">
        {view.canEdit && (
          <CardSection id="add-endpoint-heading" title="Add an endpoint">
            <AddEndpointForm create={createEndpointAction.bind(null, workspaceId, workflowId)} />
          </CardSection>
        )}
        <CardSection id="verify-heading" title="Verify on your side">
          <p className="text-sm text-slate-700">
            Verify each request before trusting it, with your endpoint&apos;s secret. Deliveries are at least once: deduplicate on <code>webhook-id</code>.
          </p>
          {verificationSnippets("whsec_YOUR_ENDPOINT_SECRET").map((s) => (
            <details key={s.language} className="space-y-2">
              <summary className="cursor-pointer text-sm font-medium">{s.language}</summary>
              <CodeBlock code={s.code} label={`${s.language} verification snippet`} />
            </details>
          ))}
        </CardSection>
      </div>
    </div>
  );
}
