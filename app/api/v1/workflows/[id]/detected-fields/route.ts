import { listDetectedFieldsResource } from "@/lib/api/detected-fields";
import { withApi } from "@/lib/api/with-api";

export const GET = withApi<{ id: string }>(({ db, actor, params }) => listDetectedFieldsResource(db, actor, params.id));
