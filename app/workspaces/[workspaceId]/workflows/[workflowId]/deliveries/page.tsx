import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { DELIVERY_OUTCOMES, listDeliveryViews } from "@/lib/delivery-log/list-deliveries";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryList } from "@/components/deliveries/delivery-list";
import { categoryLabel } from "@/lib/insights/delivery-categories";

export const metadata = { title: "Deliveries" };

type Search = { mode?: string; outcome?: string; reason?: string };

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; workflowId: string }>;
  searchParams: Promise<Search>;
}) {
  const { workspaceId, workflowId } = await params;
  const search = await searchParams;
  const mode = search.mode === "live" || search.mode === "test" ? search.mode : undefined;
  const outcome = DELIVERY_OUTCOMES.find((o) => o === search.outcome);
  const test = mode === undefined ? undefined : mode === "test";
  const reason = typeof search.reason === "string" && /^[a-z_]{1,64}$/.test(search.reason) ? search.reason : undefined;
  const { deliveries, canDebug } = await listDeliveryViews(await getDb(), await currentActor(), workflowId, { test, outcome, reason });
  const base = `/workspaces/${workspaceId}/workflows/${workflowId}`;
  return (
    <section aria-labelledby="deliveries-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="deliveries-heading" className="text-lg font-semibold">
            Deliveries
          </h2>
          <p className="text-sm text-slate-600">Every request to this workflow&apos;s webhook, newest first. Open one to see why it was accepted or refused.</p>
        </div>
        <DeliveryFilters base={`${base}/deliveries`} mode={mode} outcome={outcome} reason={reason} reasonLabel={reason && categoryLabel(reason)} />
      </div>
      <DeliveryList deliveries={deliveries} canDebug={canDebug} sessionsHref={`${base}/sessions`} />
    </section>
  );
}
