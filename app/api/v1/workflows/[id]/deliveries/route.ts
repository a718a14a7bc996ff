import { listDeliveriesPage, parseDeliveryFilter } from "@/lib/api/deliveries";
import { parsePageQuery } from "@/lib/api/pagination";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params, url }) =>
  listDeliveriesPage(db, actor, params.id, parsePageQuery(url), parseDeliveryFilter(url)),
);
