// The sessions export on PGlite and PostgreSQL: every matching row once, columns in form order
// with labels, CSV escaping (formula-looking values, quotes, line breaks, non-ASCII), NDJSON
// that parses line by line, the filters, paging across chunk borders with tied timestamps,
// the prefilled flags the database records on insert, and the API route.
import { parse as parseCsv } from "csv-parse/sync";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/workflows/[id]/sessions/export/route";
import { AppError } from "@/lib/errors/app-error";
import { insertAcceptedSessions } from "@/lib/inbound-webhooks/hook-batch-repository";
import { insertSession } from "@/lib/sessions/session-repository";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { call, createUser, ownerWithToken, setUpApiTestDb } from "@/tests/api/api-test-kit";
import { insertSessions, publishedWorkflow, THREE_STEPS } from "@/tests/insights/insights-test-kit";
import { exportSessions } from "./export-sessions";
import { parseSessionExportQuery } from "./schemas";

const t = setUpApiTestDb();

const query = (q: Record<string, string> = {}) => parseSessionExportQuery(new URLSearchParams(q));
const body = async (result: { body: ReadableStream<Uint8Array> }) => new Response(result.body).text();
const csvRows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ""), { relaxColumnCount: false }) as string[][];

const TRICKY = {
  formula: "=HYPERLINK(\"http://evil.example\",\"x\")",
  plus: "+1 555 0100",
  minus: "-cmd",
  at: "@SUM(A1:A2)",
  tab: "\t=1+1",
  cr: "\r=1+1",
  quotes: 'She said "hi", then left',
  lines: "line one\nline two\r\nline three",
  unicode: "Zoë Ångström · 日本語 · 👋",
};

async function fixture(label: string) {
  const owner = await ownerWithToken(t.db, label);
  const owner2 = { actor: { userId: owner.userId }, workspaceId: owner.workspaceId, email: owner.email };
  const wf = await publishedWorkflow(t.db, owner2);
  return { owner, actor: owner2.actor, wf };
}

describe("CSV", () => {
  it("has every session once, columns in form order with labels, and neutralised formula cells", async () => {
    const { actor, wf } = await fixture("csv");
    const base = Date.UTC(2026, 10, 1, 12);
    await insertSessions(t.db, wf, [
      { createdAt: new Date(base), data: { email: "ada@example.com", name: TRICKY.formula, city: TRICKY.unicode, amount: -5, agree: true } },
      { createdAt: new Date(base + 1000), currentStep: 2, completedAt: new Date(base + 61_000), data: { email: "b@example.com", name: TRICKY.quotes, city: TRICKY.lines, amount: 3.5, agree: false } },
      { createdAt: new Date(base + 2000), data: { name: TRICKY.plus, city: TRICKY.minus } },
      { createdAt: new Date(base + 3000), data: { name: TRICKY.at, city: TRICKY.tab } },
      { createdAt: new Date(base + 4000), data: { name: TRICKY.cr } },
      { createdAt: new Date(base + 5000), test: true, data: { name: "test one" } },
    ]);

    const text = await body(await exportSessions(t.db.prisma, actor, wf.id, query()));
    expect(text.charCodeAt(0)).not.toBe(0xfeff); // the API's file has no byte-order mark
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = csvRows(text);
    expect(header).toEqual(["sessionId", "status", "test", "createdAt", "completedAt", "Email", "Full name", "City", "Amount", "I agree", "prefilled"]);
    expect(rows).toHaveLength(6);
    // Live first, then test; each oldest first.
    expect(rows.map((r) => r[2])).toEqual(["false", "false", "false", "false", "false", "true"]);
    const [first, second, third, fourth, fifth] = rows;
    expect(first!.slice(1, 5)).toEqual(["open", "false", "2026-11-01T12:00:00.000Z", ""]);
    expect(first!.slice(5, 10)).toEqual(["ada@example.com", `'${TRICKY.formula}`, TRICKY.unicode, "-5", "true"]);
    expect(first![10]).toBe("email name city amount agree");
    expect(second!.slice(1, 5)).toEqual(["completed", "false", "2026-11-01T12:00:01.000Z", "2026-11-01T12:01:01.000Z"]);
    expect(second!.slice(5, 10)).toEqual(["b@example.com", TRICKY.quotes, TRICKY.lines, "3.5", "false"]);
    expect(third!.slice(5, 8)).toEqual(["", `'${TRICKY.plus}`, `'${TRICKY.minus}`]);
    expect(fourth!.slice(6, 8)).toEqual([`'${TRICKY.at}`, `'${TRICKY.tab}`]);
    expect(fifth![6]).toBe(`'${TRICKY.cr}`);
    // Non-ASCII is UTF-8 in the bytes themselves.
    expect(Buffer.from(text, "utf8").includes(Buffer.from("Zoë Ångström · 日本語 · 👋", "utf8"))).toBe(true);
  });

  it("header=keys names field columns by key; a header label that looks like a formula is neutralised too", async () => {
    const { actor, wf, owner } = await fixture("keys");
    const steps = structuredClone(THREE_STEPS);
    steps[0]!.fields[1]!.label = "=cmd|' /C calc'!A0";
    await updateWorkflow(t.db.prisma, actor, wf.id, { definition: { trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } }, steps, mapping: [] } });
    await publishWorkflow(t.db.prisma, actor, wf.id);
    const [labels] = csvRows(await body(await exportSessions(t.db.prisma, actor, wf.id, query())));
    expect(labels![6]).toBe("'=cmd|' /C calc'!A0");
    const [keys] = csvRows(await body(await exportSessions(t.db.prisma, actor, wf.id, query({ header: "keys" }))));
    expect(keys).toEqual(["sessionId", "status", "test", "createdAt", "completedAt", "email", "name", "city", "amount", "agree", "prefilled"]);
    expect(owner.workspaceId).toBeTruthy();
  });

  it("keeps columns of fields that only an older version had, after the current ones", async () => {
    const { actor, wf } = await fixture("versions");
    await insertSessions(t.db, wf, [{ createdAt: new Date(), data: { email: "old@example.com", name: "Old", city: "Ghent" } }]);
    const steps = [{ type: "form", id: "only", title: "Only", fields: [{ type: "text", key: "nickname", label: "Nickname" }, { type: "email", key: "email", label: "E-mail" }] }];
    await updateWorkflow(t.db.prisma, actor, wf.id, { definition: { trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" } }, steps, mapping: [] } });
    await publishWorkflow(t.db.prisma, actor, wf.id);
    const [header, row] = csvRows(await body(await exportSessions(t.db.prisma, actor, wf.id, query())));
    expect(header!.slice(5)).toEqual(["Nickname", "E-mail", "Full name", "City", "Amount", "I agree", "prefilled"]);
    expect(row!.slice(5, 8)).toEqual(["", "old@example.com", "Old"]);
  });
});

describe("NDJSON", () => {
  it("is one JSON object per line, values unchanged, keys in form order", async () => {
    const { actor, wf } = await fixture("ndjson");
    const base = Date.UTC(2026, 10, 2);
    await insertSessions(t.db, wf, [
      { createdAt: new Date(base), data: { email: "a@example.com", name: TRICKY.lines, amount: 7, agree: true } },
      { createdAt: new Date(base + 1), data: { name: TRICKY.formula, city: "日本語\u2028" } },
    ]);
    const result = await exportSessions(t.db.prisma, actor, wf.id, query({ format: "ndjson" }));
    expect(result.contentType).toBe("application/x-ndjson; charset=utf-8");
    expect(result.filename).toMatch(/^onboarding-sessions-\d{4}-\d{2}-\d{2}\.ndjson$/);
    const text = await body(result);
    const lines = text.split("\n");
    expect(lines.pop()).toBe(""); // ends with a newline
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual({
      sessionId: expect.any(String),
      status: "open",
      test: false,
      createdAt: "2026-11-02T00:00:00.000Z",
      completedAt: null,
      data: { email: "a@example.com", name: TRICKY.lines, city: null, amount: 7, agree: true },
      prefilled: ["email", "name", "amount", "agree"],
    });
    expect(Object.keys(parsed[0].data)).toEqual(["email", "name", "city", "amount", "agree"]);
    expect(parsed[1].data.name).toBe(TRICKY.formula);
    expect(parsed[1].data.city).toBe("日本語\u2028");
  });
});

describe("filters and paging", () => {
  it("test/live, status and from/to select exactly the matching rows, across chunk borders with tied timestamps", async () => {
    const { actor, wf } = await fixture("filters");
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
    const seeds = [];
    // 9 live sessions at one instant (a group commit stamps a batch alike), others spread out.
    for (let i = 0; i < 9; i++) seeds.push({ createdAt: day(5), data: { name: `tied ${i}` } });
    for (let d = 1; d <= 10; d++) seeds.push({ createdAt: day(d), ...(d % 2 === 0 ? { currentStep: 2, completedAt: day(d) } : {}), data: { name: `day ${d}` } });
    for (let d = 1; d <= 4; d++) seeds.push({ createdAt: day(d), test: true, data: { name: `test ${d}` } });
    await insertSessions(t.db, wf, seeds);

    const ids = async (q: Record<string, string>) =>
      (await body(await exportSessions(t.db.prisma, actor, wf.id, query({ format: "ndjson", ...q }), { chunkRows: 4 })))
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { sessionId: string; test: boolean; status: string; createdAt: string; data: { name: string } });

    const all = await ids({});
    expect(all).toHaveLength(23);
    expect(new Set(all.map((r) => r.sessionId)).size).toBe(23);
    const order = all.map((r) => `${r.test}|${r.createdAt}|${r.sessionId}`);
    expect(order).toEqual([...order].sort());
    expect((await ids({ test: "false" })).map((r) => r.data.name).filter((n) => n.startsWith("tied"))).toHaveLength(9);
    expect(await ids({ test: "true" })).toHaveLength(4);
    expect((await ids({ test: "false", status: "completed" })).map((r) => r.data.name)).toEqual(["day 2", "day 4", "day 6", "day 8", "day 10"]);
    expect((await ids({ test: "false", status: "open", from: "2026-11-05", to: "2026-11-07T09:00:00Z" })).map((r) => r.data.name).sort()).toEqual(
      ["day 5", ...Array.from({ length: 9 }, (_, i) => `tied ${i}`)].sort(),
    );
    expect(await ids({ from: "2026-12-01" })).toEqual([]);
  });

  it("refuses bad filters before streaming anything", () => {
    const bads: Record<string, string>[] = [{ format: "xlsx" }, { test: "yes" }, { status: "done" }, { from: "yesterday" }, { from: "2026-11-05", to: "2026-11-01" }, { header: "both" }];
    for (const bad of bads) {
      expect(() => query(bad), JSON.stringify(bad)).toThrow();
    }
    expect(query({ test: "", status: "", from: "" })).toMatchObject({ format: "csv", test: undefined, status: undefined, from: undefined });
  });
});

describe("prefilled flags", () => {
  it("are the keys the session's writer recorded as prefilled, whatever the participant typed later", async () => {
    const { actor, wf } = await fixture("prefill");
    const viaPrisma = await insertSession(t.db.prisma, { workflowId: wf.id, versionId: wf.versionId, token: randomBytes(24).toString("base64url"), test: false, source: "webhook", data: { name: "Ada", email: null, city: "Gent" } });
    const viaBatch = `s_${randomBytes(8).toString("hex")}`;
    const now = new Date();
    await insertAcceptedSessions(
      t.db.prisma,
      [
        {
          session: { versionId: wf.versionId, token: randomBytes(24).toString("base64url"), data: JSON.stringify({ email: "b@example.com", amount: 2 }), prefilled: ["email", "amount"] },
          deliveryId: `d_${randomBytes(8).toString("hex")}`,
          delivery: { workflowId: wf.id, receivedAt: now, test: false, outcome: "accepted", reasonCode: "accepted", status: 201, secretId: null, secretLast4: null, latencyMs: 1, sessionId: viaBatch, messageId: null, contentType: "application/json", headers: {}, bodyLength: 2, bodySha256: "x", body: null, warnings: null, diagnosis: null },
        },
      ],
      now,
    );
    // An answer typed later doesn't make a field prefilled.
    await t.db.prisma.session.update({ where: { id: viaPrisma.id }, data: { data: { name: "Ada", city: "Gent", email: "typed@example.com" } } });
    const lines = (await body(await exportSessions(t.db.prisma, actor, wf.id, query({ format: "ndjson" })))).trim().split("\n").map((l) => JSON.parse(l) as { sessionId: string; prefilled: string[] });
    const byId = new Map(lines.map((l) => [l.sessionId, l.prefilled]));
    expect(byId.get(viaPrisma.id)).toEqual(["name", "city"]);
    expect(byId.get(viaBatch)).toEqual(["email", "amount"]);
  });
});

describe("access and the API route", () => {
  it("members export, others get 404, anonymous 401; the route streams the file with download headers", async () => {
    const { owner, actor, wf } = await fixture("api");
    await insertSessions(t.db, wf, [{ createdAt: new Date(), data: { name: "Ada" } }]);
    const viewer = await createUser(t.db, "viewer");
    await upsertMembership(t.db.prisma, owner.workspaceId, viewer.userId, "viewer");
    await expect(exportSessions(t.db.prisma, { userId: viewer.userId }, wf.id, query())).resolves.toBeDefined();
    const stranger = await createUser(t.db, "stranger");
    const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    expect(await code(exportSessions(t.db.prisma, { userId: stranger.userId }, wf.id, query()))).toBe("NOT_FOUND");
    expect(await code(exportSessions(t.db.prisma, null, wf.id, query()))).toBe("UNAUTHENTICATED");
    expect(await code(exportSessions(t.db.prisma, actor, wf.id, query(), { workspaceId: stranger.workspaceId }))).toBe("NOT_FOUND");

    const response = await exportRoute.GET(new Request(`http://localhost:3000/api/v1/workflows/${wf.id}/sessions/export?format=csv&test=false`, { headers: { authorization: `Bearer ${owner.token}` } }), {
      params: Promise.resolve({ id: wf.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="onboarding-sessions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(csvRows(await response.text())).toHaveLength(2);
    const invalid = await call(exportRoute.GET, "GET", `/api/v1/workflows/${wf.id}/sessions/export?format=xml`, { id: wf.id }, { token: owner.token });
    expect(invalid.status).toBe(422);
    expect(invalid.json.issues[0].path).toEqual(["format"]);
  });
});
