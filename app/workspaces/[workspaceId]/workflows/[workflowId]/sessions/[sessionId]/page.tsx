import { notFound } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getSessionDetail } from "@/lib/sessions/get-session-detail";
import { SessionDetailView } from "@/components/sessions/session-detail";

export const metadata = { title: "Session" };

export default async function SessionDetailPage({ params }: { params: Promise<{ workspaceId: string; workflowId: string; sessionId: string }> }) {
  const { workspaceId, workflowId, sessionId } = await params;
  const detail = await getSessionDetail(await getDb(), await currentActor(), workflowId, sessionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const listHref = `/workspaces/${workspaceId}/workflows/${workflowId}/sessions${detail.test ? "?mode=test" : ""}`;
  return <SessionDetailView detail={detail} listHref={listHref} />;
}
