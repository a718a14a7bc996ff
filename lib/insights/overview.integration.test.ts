// The overview's numbers against hand-counted rows, on PGlite and PostgreSQL: deliveries per
// bucket and category for every range and mode (through the hourly roll-up and the raw tail),
// the session funnel, completion rate and median, top rejections, and the workspace sparklines.
import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { goBackSessionStep } from "@/lib/sessions/go-back-session-step";
import { insertSession } from "@/lib/sessions/session-repository";
import { submitSessionStep } from "@/lib/sessions/submit-session-step";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { DAY, HOUR, insertDeliveries, insertSessions, ownerOf, publishedWorkflow, seeded, type SeedDelivery } from "@/tests/insights/insights-test-kit";
import { ACCEPTED_WITH_WARNINGS } from "./delivery-categories";
import { rollupBoundary } from "./delivery-rollup";
import { getWorkflowOverview } from "./get-workflow-overview";
import { getWorkspaceActivity } from "./get-workspace-activity";
import { INSIGHT_RANGES, rangeWindow, type TInsightRange } from "./ranges";

const t = useTestDatabase();

const NOW = new Date("2026-11-20T10:30:00.000Z");
const REASONS: [SeedDelivery["outcome"], string][] = [
  ["accepted", "accepted"],
  ["accepted", "accepted"],
  ["accepted", "accepted"],
  ["accepted", ACCEPTED_WITH_WARNINGS],
  ["accepted", "url_verification"],
  ["duplicate", "duplicate"],
  ["rejected", "signature_mismatch"],
  ["rejected", "signature_mismatch"],
  ["rejected", "timestamp_out_of_tolerance"],
  ["rejected", "invalid_body"],
];

/** The category a row belongs to, written out independently of the code under test. */
function expectedCategory(row: SeedDelivery): string {
  if (row.outcome === "rejected") return row.reasonCode;
  if (row.outcome === "duplicate") return "duplicate";
  return row.reasonCode === ACCEPTED_WITH_WARNINGS ? ACCEPTED_WITH_WARNINGS : "accepted";
}

/** Counts by hand: for each bucket of the window, rows of that mode per category. */
function handCount(rows: SeedDelivery[], range: TInsightRange, test: boolean, now: Date) {
  const window = rangeWindow(range, now);
  const step = window.unit === "hour" ? HOUR : DAY;
  return window.bucketStarts.map((start) => {
    const counts: Record<string, number> = {};
    for (const row of rows) {
      const at = row.receivedAt.getTime();
      if (row.test !== test || at < start.getTime() || at >= start.getTime() + step || at > now.getTime()) continue;
      const c = expectedCategory(row);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    return counts;
  });
}

describe("deliveries over time", () => {
  let owner: Awaited<ReturnType<typeof ownerOf>>;
  let wf: { id: string; versionId: string };
  const rows: SeedDelivery[] = [];

  beforeAll(async () => {
    owner = await ownerOf(t);
    wf = await publishedWorkflow(t, owner);
    const random = seeded(14);
    // 35 days back (older than every range) up to now, and a few at the edges: the start of
    // the current hour, inside the five settling minutes, exactly on a bucket boundary.
    for (let i = 0; i < 1500; i++) {
      const [outcome, reasonCode] = REASONS[Math.floor(random() * REASONS.length)]!;
      rows.push({ receivedAt: new Date(NOW.getTime() - Math.floor(random() * 35 * DAY)), test: random() < 0.3, outcome, reasonCode });
    }
    const edges = [NOW.getTime() - 30 * 60_000, NOW.getTime() - 31 * 60_000, NOW.getTime() - 1, rangeWindow("24h", NOW).start.getTime(), rangeWindow("7d", NOW).start.getTime() - 1];
    for (const at of edges) rows.push({ receivedAt: new Date(at), test: false, outcome: "rejected", reasonCode: "signature_missing" });
    await insertDeliveries(t, wf.id, rows);
  });

  for (const range of Object.keys(INSIGHT_RANGES) as TInsightRange[]) {
    for (const test of [false, true]) {
      it(`${range} ${test ? "test" : "live"}: every bucket equals the hand count`, async () => {
        const overview = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range, test }, { now: NOW });
        const expected = handCount(rows, range, test, NOW);
        expect(overview.deliveries.buckets).toHaveLength(INSIGHT_RANGES[range].buckets);
        expect(overview.deliveries.buckets.map((b) => b.counts)).toEqual(expected);
        expect(overview.deliveries.buckets.map((b) => b.total)).toEqual(expected.map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
        const all = expected.flatMap((c) => Object.entries(c));
        const sum = (pick: (category: string) => boolean) => all.filter(([c]) => pick(c)).reduce((s, [, n]) => s + n, 0);
        expect(overview.deliveries.totals).toEqual({
          all: sum(() => true),
          accepted: sum((c) => c === "accepted" || c === ACCEPTED_WITH_WARNINGS),
          duplicate: sum((c) => c === "duplicate"),
          rejected: sum((c) => !["accepted", ACCEPTED_WITH_WARNINGS, "duplicate"].includes(c)),
        });
      });
    }
  }

  it("rolls closed hours up once and reads only the rest raw; a later read extends the roll-up and still matches", async () => {
    const rolled = await t.prisma.deliveryHourlyCount.aggregate({ where: { workflowId: wf.id }, _sum: { count: true }, _max: { hour: true } });
    const boundary = rollupBoundary(NOW);
    expect(rolled._max.hour!.getTime()).toBeLessThan(boundary.getTime());
    // From the hour 31 days back up to the boundary: every row there, each counted once.
    const floorHour = Math.floor((NOW.getTime() - 31 * DAY) / HOUR) * HOUR;
    expect(rolled._sum.count).toBe(rows.filter((r) => r.receivedAt.getTime() >= floorHour && r.receivedAt.getTime() < boundary.getTime()).length);

    // Twice more at the same time: the roll-up adds nothing and the numbers stay.
    const before = await t.prisma.deliveryHourlyCount.count({ where: { workflowId: wf.id } });
    const again = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "24h", test: false }, { now: NOW });
    expect(await t.prisma.deliveryHourlyCount.count({ where: { workflowId: wf.id } })).toBe(before);
    expect(again.deliveries.buckets.map((b) => b.counts)).toEqual(handCount(rows, "24h", false, NOW));

    // Three hours later, with new rows in the hours between.
    const later = new Date(NOW.getTime() + 3 * HOUR);
    const fresh: SeedDelivery[] = [1, 2, 3, 4, 5].map((i) => ({ receivedAt: new Date(NOW.getTime() + i * 30 * 60_000), test: false, outcome: "rejected", reasonCode: "no_active_secret" }));
    await insertDeliveries(t, wf.id, fresh);
    const next = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "24h", test: false }, { now: later });
    expect(next.deliveries.buckets.map((b) => b.counts)).toEqual(handCount([...rows, ...fresh], "24h", false, later));
    expect((await t.prisma.deliveryHourlyCount.aggregate({ where: { workflowId: wf.id }, _max: { hour: true } }))._max.hour!.getTime()).toBeGreaterThan(rolled._max.hour!.getTime());
    rows.push(...fresh);
  });

  it("lists the top rejection reasons with their counts, words and fixes", async () => {
    const overview = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "30d", test: false }, { now: NOW });
    const counts = new Map<string, number>();
    const start = rangeWindow("30d", NOW).start.getTime();
    for (const r of rows) {
      if (r.outcome !== "rejected" || r.test || r.receivedAt.getTime() < start || r.receivedAt > NOW) continue;
      counts.set(r.reasonCode, (counts.get(r.reasonCode) ?? 0) + 1);
    }
    const expected = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 5);
    expect(overview.topRejections.map((r) => [r.reasonCode, r.count])).toEqual(expected);
    const mismatch = overview.topRejections.find((r) => r.reasonCode === "signature_mismatch")!;
    expect(mismatch.label).toBe("Signature mismatch");
    expect(mismatch.words).toMatch(/matches no active secret/);
    expect(mismatch.fix).toMatch(/raw body bytes/);
  });
});

describe("session funnel", () => {
  it("counts started, each step reached and completed, with the completion rate and the median time", async () => {
    const owner = await ownerOf(t, "funnel");
    const wf = await publishedWorkflow(t, owner);
    const day = (d: number) => new Date(NOW.getTime() - d * DAY);
    const done = (created: Date, seconds: number) => ({ createdAt: created, currentStep: 2, completedAt: new Date(created.getTime() + seconds * 1000) });
    await insertSessions(t, wf, [
      // Live, in the last 7 days: 4 on step 1, 3 on step 2, 2 on step 3, 3 completed (60, 120, 600 s).
      ...Array.from({ length: 4 }, () => ({ createdAt: day(1), currentStep: 0 })),
      ...Array.from({ length: 3 }, () => ({ createdAt: day(2), currentStep: 1 })),
      ...Array.from({ length: 2 }, () => ({ createdAt: day(3), currentStep: 2 })),
      done(day(1), 60),
      done(day(2), 120),
      done(day(4), 600),
      // Live but older than 7 days (in the 30-day range only), and test sessions.
      done(day(20), 3600),
      { createdAt: day(20), currentStep: 1 },
      { createdAt: day(1), currentStep: 1, test: true },
      { ...done(day(1), 5), test: true },
    ]);

    const week = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "7d", test: false }, { now: NOW });
    expect(week.funnel.stages).toEqual([
      { label: "Started · step 1: Your details", count: 12 },
      { label: "Reached step 2: Address", count: 8 },
      { label: "Reached step 3: Confirm", count: 5 },
      { label: "Completed", count: 3 },
    ]);
    expect(week.funnel.started).toBe(12);
    expect(week.funnel.completed).toBe(3);
    expect(week.funnel.completionRate).toBeCloseTo(3 / 12);
    expect(week.funnel.medianSecondsToComplete).toBe(120);

    const month = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "30d", test: false }, { now: NOW });
    expect(month.funnel.stages.map((s) => s.count)).toEqual([14, 10, 6, 4]);
    // Four completions (60, 120, 600, 3600 s): percentile_cont interpolates the middle two.
    expect(month.funnel.medianSecondsToComplete).toBe(360);

    const test = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "7d", test: true }, { now: NOW });
    expect(test.funnel.stages.map((s) => s.count)).toEqual([2, 2, 1, 1]);
    expect(test.funnel.medianSecondsToComplete).toBe(5);

    const empty = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "24h", test: false }, { now: new Date(NOW.getTime() + 40 * DAY) });
    expect(empty.funnel).toMatchObject({ started: 0, completed: 0, completionRate: null, medianSecondsToComplete: null });
  });
});

describe("session funnel with Back", () => {
  it("counts a session on the furthest step it reached, even after the participant went back", async () => {
    const owner = await ownerOf(t, "back");
    const wf = await publishedWorkflow(t, owner);
    const token = randomBytes(24).toString("base64url");
    await insertSession(t.prisma, { workflowId: wf.id, versionId: wf.versionId, token, test: false, source: "direct_link", data: {} });
    await submitSessionStep(t.prisma, token, 0, { email: "ada@example.com", name: "Ada" });
    await submitSessionStep(t.prisma, token, 1, { city: "Gent" });
    await goBackSessionStep(t.prisma, token, 2, {});
    await goBackSessionStep(t.prisma, token, 1, {});
    expect(await t.prisma.session.findUniqueOrThrow({ where: { token }, select: { currentStep: true, furthestStep: true } })).toEqual({ currentStep: 0, furthestStep: 2 });
    const overview = await getWorkflowOverview(t.prisma, owner.actor, wf.id, { range: "24h", test: false });
    expect(overview.funnel.stages.map((s) => s.count)).toEqual([1, 1, 1, 0]);
  });
});

describe("workspace sparklines", () => {
  it("count the last 7 days of live sessions and rejections per workflow, and only the workspace's own", async () => {
    const owner = await ownerOf(t, "home");
    const busy = await publishedWorkflow(t, owner, "Busy");
    const quiet = await publishedWorkflow(t, owner, "Quiet");
    const stranger = await ownerOf(t, "stranger");
    const foreign = await publishedWorkflow(t, stranger, "Theirs");
    const at = (d: number, h = 1) => new Date(Date.UTC(2026, 10, 20 - d, h));
    await insertSessions(t, busy, [{ createdAt: at(0) }, { createdAt: at(0) }, { createdAt: at(3) }, { createdAt: at(6, 0) }, { createdAt: at(7, 23) }, { createdAt: at(1), test: true }]);
    await insertDeliveries(t, busy.id, [
      { receivedAt: at(0), test: false, outcome: "rejected", reasonCode: "signature_mismatch" },
      { receivedAt: at(2), test: false, outcome: "rejected", reasonCode: "invalid_body" },
      { receivedAt: at(2), test: false, outcome: "rejected", reasonCode: "invalid_body" },
      { receivedAt: at(2), test: true, outcome: "rejected", reasonCode: "invalid_body" },
      { receivedAt: at(2), test: false, outcome: "accepted", reasonCode: "accepted" },
      { receivedAt: at(9), test: false, outcome: "rejected", reasonCode: "invalid_body" },
    ]);
    await insertSessions(t, foreign, [{ createdAt: at(0) }]);

    const activity = await getWorkspaceActivity(t.prisma, owner.actor, owner.workspaceId, [busy.id, quiet.id, foreign.id], { now: NOW });
    expect([...activity.keys()].sort()).toEqual([busy.id, quiet.id].sort());
    const b = activity.get(busy.id)!;
    expect(b.days).toEqual([14, 15, 16, 17, 18, 19, 20].map((d) => `2026-11-${d}T00:00:00Z`));
    expect(b.sessions).toEqual([1, 0, 0, 1, 0, 0, 2]);
    expect(b.rejections).toEqual([0, 0, 0, 0, 2, 0, 1]);
    expect(b.hasTraffic).toBe(true);
    expect(activity.get(quiet.id)).toMatchObject({ sessions: [0, 0, 0, 0, 0, 0, 0], rejections: [0, 0, 0, 0, 0, 0, 0], hasTraffic: false });
  });
});

describe("authorisation", () => {
  it("members of the workspace read the overview; anyone else gets the same 404 as for a missing workflow", async () => {
    const owner = await ownerOf(t, "auth");
    const wf = await publishedWorkflow(t, owner);
    const viewer = await ownerOf(t, "viewer");
    await upsertMembership(t.prisma, owner.workspaceId, viewer.actor.userId, "viewer");
    await expect(getWorkflowOverview(t.prisma, viewer.actor, wf.id, { range: "7d", test: false }, { now: NOW })).resolves.toBeDefined();
    const outsider = await ownerOf(t, "outsider");
    const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    expect(await code(getWorkflowOverview(t.prisma, outsider.actor, wf.id, { range: "7d", test: false }))).toBe("NOT_FOUND");
    expect(await code(getWorkflowOverview(t.prisma, null, wf.id, { range: "7d", test: false }))).toBe("UNAUTHENTICATED");
    expect(await code(getWorkspaceActivity(t.prisma, outsider.actor, owner.workspaceId, [wf.id]))).toBe("NOT_FOUND");
  });
});
