import { sessionApiPreflight, withSessionApi } from "@/lib/api/with-session-api";
import { readSessionState } from "@/lib/sessions/read-session-state";

export const GET = withSessionApi<{ token: string }>(({ db, params }) => readSessionState(db, params.token));
export const OPTIONS = sessionApiPreflight("GET");
