import { revokeSecretResource } from "@/lib/api/secrets";
import { withApi } from "@/lib/api/with-api";

export const POST = withApi<{ id: string; secretId: string }>(({ db, actor, params }) =>
  revokeSecretResource(db, actor, params.id, params.secretId),
);
