import { currentActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { embedBrowserSnippet } from "@/lib/embedding/embed-browser-snippet";
import { embedSnippet } from "@/lib/embedding/embed-snippet";
import { keyBytesRule } from "@/lib/hmac/signing-secrets";
import { listSecrets } from "@/lib/webhook-secrets/list-secrets";
import { allSigningSnippets } from "@/lib/snippets/signing-snippet";
import { getWorkflowView } from "@/lib/workflows/get-workflow-view";
import { CardSection } from "@/components/ui/card-section";
import { EmbedPanel } from "@/components/webhook/embed-panel";
import { EndpointUrls } from "@/components/webhook/endpoint-urls";
import { HmacSettingsForm } from "@/components/webhook/hmac-settings-form";
import { SecretsPanel } from "@/components/webhook/secrets-panel";
import { SigningHelp } from "@/components/webhook/signing-help";
import { TestRequestPanel } from "@/components/webhook/test-request-panel";
import { samplePayload } from "@/lib/workflows/mapping/sample-payload";
import { testHmacSettings } from "@/lib/workflows/test-hmac-settings";
import { secretRule } from "@/lib/hmac/secret-rules";
import { formatsFor } from "@/lib/hmac/signing-secrets";
import { saveDraftAction } from "../actions";
import { createSecretAction, previewSignatureAction, revealSecretAction, revokeSecretAction, sendTestRequestAction } from "./actions";

export const metadata = { title: "Webhook" };

const SECRET_PLACEHOLDER = "YOUR_SECRET";

// The layout already answered 404 for foreign ids and unknown workflows.
export default async function WebhookPage({ params }: { params: Promise<{ workspaceId: string; workflowId: string }> }) {
  const { workspaceId, workflowId } = await params;
  const db = await getDb();
  const actor = await currentActor();
  const view = await getWorkflowView(db, actor, workflowId, getConfig().publicUrl);
  const secrets = await listSecrets(db, actor, workflowId);
  const draftHmac = view.draft.trigger.hmac;
  const liveHmac = view.live?.definition.trigger.hmac ?? null;
  // What the test URL verifies with: the draft's settings, never weaker than live.
  const testHmac = testHmacSettings(draftHmac, liveHmac);
  // Samples built from the mapped paths, so sending one as shown prefills every mapped field.
  const sampleBody = JSON.stringify(samplePayload(view.draft));
  const liveSampleBody = JSON.stringify(samplePayload(view.live?.definition ?? view.draft));
  const snippets = allSigningSnippets({ settings: testHmac, url: view.urls.testUrl, secret: SECRET_PLACEHOLDER, sampleBody });
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;

  return (
    // minmax(0, 1fr) columns and min-w-0 items: a long line of code scrolls in its own box instead of widening the page.
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <CardSection id="urls-heading" title="Endpoint">
          <EndpointUrls hookUrl={view.urls.hookUrl} testUrl={view.urls.testUrl} published={view.live !== null} />
        </CardSection>
        <CardSection id="hmac-heading" title="HMAC authentication">
          <HmacSettingsForm
            draft={view.draft}
            revision={view.draftRevision}
            canEdit={view.canEdit}
            liveEnabled={liveHmac ? liveHmac.enabled : null}
            sampleBody={sampleBody}
            save={saveDraftAction.bind(null, workspaceId, workflowId)}
            preview={previewSignatureAction}
          />
        </CardSection>
        <CardSection id="secrets-heading" title="Secrets">
          <SecretsPanel
            secrets={secrets.map((s) => ({
              ...s,
              createdAt: s.createdAt.toISOString(),
              expiresAt: s.expiresAt?.toISOString() ?? null,
              revokedAt: s.revokedAt?.toISOString() ?? null,
              lastVerifiedAt: s.lastVerifiedAt?.toISOString() ?? null,
            }))}
            canEdit={view.canEdit}
            keyBytesRule={keyBytesRule(draftHmac.scheme)}
            secretRule={secretRule(draftHmac.scheme)}
            scheme={draftHmac.scheme}
            formats={formatsFor(draftHmac.scheme)}
            create={createSecretAction.bind(null, workspaceId, workflowId)}
            reveal={revealSecretAction.bind(null, workflowId)}
            revoke={revokeSecretAction.bind(null, workspaceId, workflowId)}
          />
        </CardSection>
      </div>
      <div className="min-w-0 space-y-6">
        <CardSection id="signing-heading" title="Signing help">
          {liveHmac && JSON.stringify(liveHmac) !== JSON.stringify(testHmac) && (
            <p className="text-sm text-amber-900">
              These snippets sign for the test URL, which follows the draft; the live URL verifies with the published settings until you publish.
            </p>
          )}
          {testHmac !== draftHmac && (
            <p className="text-sm text-amber-900">HMAC is off in the draft only: the test URL keeps requiring the live signature until you publish.</p>
          )}
          <SigningHelp snippets={snippets} secretPlaceholder={SECRET_PLACEHOLDER} />
          <h3 className="pt-2 font-medium">Send a signed test request</h3>
          <TestRequestPanel initialBody={sampleBody} canEdit={view.canEdit} send={sendTestRequestAction.bind(null, workflowId)} />
        </CardSection>
        <CardSection id="embed-heading-webhook" title="Embedding">
          <EmbedPanel
            liveOrigins={view.live?.definition.trigger.allowedOrigins ?? null}
            draftOrigins={view.draft.trigger.allowedOrigins}
            builderHref={base}
            snippet={embedSnippet({ settings: liveHmac ?? draftHmac, hookUrl: view.urls.hookUrl, secret: SECRET_PLACEHOLDER, sampleBody: liveSampleBody })}
            browserSnippet={embedBrowserSnippet(new URL(view.urls.hookUrl).origin)}
          />
        </CardSection>
      </div>
    </div>
  );
}
