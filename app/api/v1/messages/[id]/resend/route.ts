import { resendMessageResource } from "@/lib/api/endpoints";
import { withApi } from "@/lib/api/with-api";

export const POST = withApi<{ id: string }>(({ db, actor, params }) => resendMessageResource(db, actor, params.id));
