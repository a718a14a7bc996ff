import { currentActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db/client";
import { listLiveAndTestSessions } from "@/lib/sessions/list-workflow-sessions";
import { SessionsTable } from "@/components/builder/sessions-table";

export const metadata = { title: "Sessions" };

export default async function SessionsPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  const { live, test } = await listLiveAndTestSessions(await getDb(), await currentActor(), workflowId);
  return (
    <div className="space-y-8">
      <section aria-labelledby="live-sessions-heading" className="space-y-3">
        <h2 id="live-sessions-heading" className="text-lg font-semibold">
          Live sessions <span className="text-sm font-normal text-slate-600">({live.length}{live.length === 50 ? "+" : ""})</span>
        </h2>
        <SessionsTable caption="Live sessions" sessions={live} empty="No live sessions yet. Open the direct link or send a signed webhook to start one." />
      </section>
      <section aria-labelledby="test-sessions-heading" className="space-y-3">
        <h2 id="test-sessions-heading" className="text-lg font-semibold">
          Test sessions <span className="text-sm font-normal text-slate-600">({test.length}{test.length === 50 ? "+" : ""})</span>
        </h2>
        <p className="text-sm text-slate-600">Started by requests to the test URL (?test=true); kept apart from live ones.</p>
        <SessionsTable caption="Test sessions" sessions={test} empty="No test sessions yet." />
      </section>
    </div>
  );
}
