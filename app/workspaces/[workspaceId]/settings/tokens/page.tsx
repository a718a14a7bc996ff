import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { roleAllows } from "@/lib/auth/authorize";
import { requireWorkspacePage } from "@/lib/auth/page-access";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata = { title: "API tokens" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatDate = (date: Date | null) => (date ? `${dateFormat.format(date)} UTC` : null);

export default async function ApiTokensPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, role, workspace } = await requireWorkspacePage(workspaceId);
  const tokens = await listApiTokens(await getDb(), actor, workspaceId);
  const canCreate = roleAllows(role, "edit");
  const apiBaseUrl = `${getConfig().publicUrl}/api/v1`;

  return (
    <section aria-labelledby="tokens-heading" className="space-y-6">
      <div>
        <h1 id="tokens-heading" className="text-2xl font-semibold">
          API tokens
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Tokens let scripts and other systems use the <a className="underline" href="/docs/api">management API</a> at{" "}
          <code className="rounded bg-slate-100 px-1">{apiBaseUrl}</code> as you, with your role in {workspace.name}, and only in this
          workspace. Send one as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>

      {canCreate ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium">New token</h2>
          <CreateTokenForm action={createApiTokenAction.bind(null, workspaceId)} apiBaseUrl={apiBaseUrl} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Only editors and owners can create API tokens.</p>
      )}

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API tokens of {workspace.name}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Token</th>
              <th scope="col" className="px-4 py-2 font-medium">Owner</th>
              <th scope="col" className="px-4 py-2 font-medium">Created</th>
              <th scope="col" className="px-4 py-2 font-medium">Last used</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {tokens.length === 0 && (
              <tr>
                <td colSpan={7} className="px-4 py-6 text-center text-slate-600">
                  No API tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((token) => {
              const canRevoke = !token.revokedAt && canCreate && (token.user.id === actor.userId || role === "owner");
              return (
                <tr key={token.id} className={token.revokedAt ? "text-slate-500" : undefined}>
                  <th scope="row" className="px-4 py-3 font-medium whitespace-nowrap">{token.name}</th>
                  <td className="px-4 py-3 font-mono whitespace-nowrap">sig_…{token.last4}</td>
                  <td className="px-4 py-3">{token.user.email}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(token.createdAt)}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(token.lastUsedAt) ?? "Never"}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {token.revokedAt ? (
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">Revoked {formatDate(token.revokedAt)}</span>
                    ) : (
                      <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">Active</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {canRevoke && (
                      <RevokeTokenButton
                        name={token.name}
                        last4={token.last4}
                        action={revokeApiTokenAction.bind(null, workspaceId, token.id)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
