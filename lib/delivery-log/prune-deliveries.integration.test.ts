// Retention on PGlite and PostgreSQL: exactly the deliveries older than the cutoff go (their
// stored payloads with them), in batches, across workflows; the overview's counts of the
// pruned hours survive in the roll-up, which is itself pruned only past the widest chart.
import { describe, expect, it } from "vitest";
import { getWorkflowOverview } from "@/lib/insights/get-workflow-overview";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { DAY, HOUR, insertDeliveries, ownerOf, publishedWorkflow, type SeedDelivery } from "@/tests/insights/insights-test-kit";
import { pruneDeliveries } from "./prune-deliveries";

const t = useTestDatabase();

const NOW = new Date("2026-11-20T10:30:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() - ms);
const row = (ago: number, test = false): SeedDelivery => ({ receivedAt: at(ago), test, outcome: test ? "accepted" : "rejected", reasonCode: test ? "accepted" : "signature_mismatch" });

describe("pruneDeliveries", () => {
  it("deletes exactly the rows older than the retention, in batches, in every workflow", async () => {
    const owner = await ownerOf(t);
    const a = await publishedWorkflow(t, owner, "A");
    const b = await publishedWorkflow(t, owner, "B");
    // A: 23 old rows (more than two batches of 10), some of them test rows with payloads;
    // rows on both sides of the cutoff by a millisecond; B: old and new rows too.
    const old = [...Array.from({ length: 17 }, (_, i) => row(8 * DAY + i * HOUR)), ...Array.from({ length: 6 }, (_, i) => row(9 * DAY + i * HOUR, true))];
    const edgeOld = row(7 * DAY + 1);
    const edgeKept = row(7 * DAY - 1);
    const fresh = [row(HOUR), row(2 * DAY, true), row(6 * DAY), edgeKept];
    await insertDeliveries(t, a.id, [...old, edgeOld, ...fresh]);
    await insertDeliveries(t, b.id, [row(40 * DAY), row(10 * DAY, true), row(DAY)]);

    const result = await pruneDeliveries(t.prisma, { retentionDays: 7, now: NOW, batchRows: 10 });
    expect(result.deliveries).toBe(old.length + 1 + 2);
    expect(result.cutoff.toISOString()).toBe(at(7 * DAY).toISOString());

    const left = await t.prisma.delivery.findMany({ where: { workflowId: { in: [a.id, b.id] } }, select: { workflowId: true, receivedAt: true } });
    expect(left.filter((r) => r.workflowId === a.id).map((r) => r.receivedAt.getTime()).sort()).toEqual(fresh.map((r) => r.receivedAt.getTime()).sort());
    expect(left.filter((r) => r.workflowId === b.id).map((r) => r.receivedAt.getTime())).toEqual([at(DAY).getTime()]);
    expect(left.every((r) => r.receivedAt.getTime() >= result.cutoff.getTime())).toBe(true);
    // The payloads of pruned test requests are gone with their rows.
    const bodies = await t.prisma.delivery.count({ where: { workflowId: a.id, body: { not: null } } });
    expect(bodies).toBe(1);

    // Nothing left to do: a second run deletes nothing.
    expect((await pruneDeliveries(t.prisma, { retentionDays: 7, now: NOW, batchRows: 10 })).deliveries).toBe(0);
  });

  it("keeps the overview's counts of pruned hours, and prunes the roll-up only past the widest chart", async () => {
    const owner = await ownerOf(t, "rollup");
    const wf = await publishedWorkflow(t, owner);
    await insertDeliveries(t, wf.id, [row(20 * DAY), row(20 * DAY), row(10 * DAY), row(2 * DAY)]);
    const before = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "30d", test: false }, { now: NOW });
    expect(before.deliveries.totals.rejected).toBe(4);

    await pruneDeliveries(t.prisma, { retentionDays: 7, now: NOW });
    expect(await t.prisma.delivery.count({ where: { workflowId: wf.id } })).toBe(1);
    const after = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "30d", test: false }, { now: NOW });
    expect(after.deliveries.buckets.map((b) => b.total)).toEqual(before.deliveries.buckets.map((b) => b.total));

    // 15 days later the 20-day-old hour is 35 days old, past 31: its count goes too.
    const later = new Date(NOW.getTime() + 15 * DAY);
    const pruned = await pruneDeliveries(t.prisma, { retentionDays: 7, now: later });
    expect(pruned.hourlyCounts).toBe(1);
    const remaining = await t.prisma.deliveryHourlyCount.findMany({ where: { workflowId: wf.id }, select: { hour: true, count: true } });
    expect(remaining.map((r) => r.count).sort()).toEqual([1, 1]);
    expect(remaining.every((r) => r.hour.getTime() >= later.getTime() - 31 * DAY)).toBe(true);
  });
});
