// Web security of the real app process, over HTTP as a browser or attacker would see it:
// - the page access matrix: every page × {anonymous, other workspace, viewer, editor, owner}
//   gets exactly its redirect, 404 or page (a page.tsx the table lacks fails the test);
// - security headers (CSP frame-ancestors, X-Frame-Options, nosniff, referrer policy, HSTS in
//   production) and session cookie attributes (HttpOnly, SameSite, Secure behind HTTPS);
// - every page's CSP admits scripts and <style> only with that response's nonce, and every
//   script and <style> in the page carries it (chromium enforcing it: e2e/csp.spec.ts);
// - CSRF: a cross-origin server-action POST is refused with a 403, the API ignores cookies;
// - sign-in lockout after 5 failures, with a clear message; sign-up and sign-in answers that
//   do not tell whether an email has an account;
// - sign-out ends the session on the server (a copied cookie stops working);
// - secrets: after a full journey no secret value appears in any page, JSON answer (but the
//   one creation response), log line, delivery row or audit event, and the database column
//   holds only ciphertext.
import { CROSS_ORIGIN_REFUSAL } from "@/lib/http/cross-origin";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { signUp } from "@/lib/auth/sign-up";
import { upsertMembership } from "@/lib/workspaces/membership-repository";
import { useAppProcess } from "@/tests/reliability/app-process";
import { withStoreDb } from "@/tests/reliability/db-check";
import { api, createSignedHook, HMAC, PASSWORD, rawRequest, signedBody, type SignedHook } from "@/tests/reliability/journey";
import { signRequest } from "@/lib/hmac/sign";
import { CookieJar, get, signInWithCredentials, type Fetched } from "./http-client";
import { appFiles, pagesRouterFiles } from "./route-inventory";

type Actor = "anonymous" | "other" | "viewer" | "editor" | "owner";

const users = {} as Record<Exclude<Actor, "anonymous">, { email: string; workspaceId: string }>;
let workspaceId: string;
let ownerToken: string;
let hook: SignedHook;
let openWorkflow: { id: string; slug: string };
let sessionPath: string;
let liveSessionId: string;
const jars = {} as Record<Actor, CookieJar>;
/** Every answer the app gave after the secret's creation, for the leak scan. */
const answers: { label: string; text: string }[] = [];
const ALLOWED_ORIGIN = "https://portal.example.com";

function record(label: string, text: string) {
  answers.push({ label, text });
}

const { app, store } = useAppProcess({
  ports: [3330],
  env: { SIGNET_LOG_LEVEL: "debug" },
  // Users, roles and a token, written before the app opens the store.
  prepare: async (store) => {
    await withStoreDb(store, async (db) => {
      for (const actor of ["owner", "editor", "viewer", "other"] as const) {
        const created = await signUp(db.prisma, { email: `${actor}-${Date.now()}@example.com`, password: PASSWORD });
        users[actor] = { email: created.email, workspaceId: created.workspaceId };
      }
      workspaceId = users.owner.workspaceId;
      const owner = await db.prisma.user.findUniqueOrThrow({ where: { email: users.owner.email }, select: { id: true } });
      for (const role of ["editor", "viewer"] as const) {
        const user = await db.prisma.user.findUniqueOrThrow({ where: { email: users[role].email }, select: { id: true } });
        await upsertMembership(db.prisma, workspaceId, user.id, role);
      }
      ownerToken = (await createApiToken(db.prisma, { userId: owner.id }, workspaceId, { name: "web-security" })).token;
    });
  },
});

beforeAll(async () => {
  hook = await createSignedHook(app.baseUrl, ownerToken, "Secured");
  const open = await api(app.baseUrl, ownerToken, "POST", "/api/v1/workflows", {
    name: "Open",
    definition: { trigger: { type: "webhook", hmac: { enabled: false, scheme: "prefixed-hex" }, allowedOrigins: [ALLOWED_ORIGIN] }, steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }], mapping: [] },
  });
  openWorkflow = { id: open.json.id, slug: open.json.slug };
  await api(app.baseUrl, ownerToken, "POST", `/api/v1/workflows/${openWorkflow.id}/publish`, {});

  // A partner's traffic: live, test, and a wrong signature (for the delivery log and debugger).
  for (const test of [false, true]) {
    const { body, headers } = signedBody(hook, test ? 2 : 1);
    const answer = await rawRequest(`${hook.hookUrl}${test ? "?test=true" : ""}`, { method: "POST", headers, body });
    expect(answer.status).toBe(201);
    record(`hook test=${test}`, answer.body);
    if (!test) {
      const started = JSON.parse(answer.body) as { sessionId: string; sessionUrl: string };
      sessionPath = new URL(started.sessionUrl).pathname;
      liveSessionId = started.sessionId;
    }
  }
  const wrong = signRequest({ settings: HMAC, secret: `${hook.secret}x`, body: new TextEncoder().encode("{}") });
  record("hook wrong secret", (await rawRequest(`${hook.hookUrl}?test=true`, { method: "POST", headers: { ...wrong, "content-type": "application/json" }, body: "{}" })).body);

  for (const actor of ["anonymous", "other", "viewer", "editor", "owner"] as Actor[]) {
    jars[actor] = new CookieJar();
    if (actor !== "anonymous") {
      const signedIn = await signInWithCredentials(app.baseUrl, jars[actor], users[actor].email, PASSWORD);
      expect(signedIn.status, `${actor} sign-in`).toBe(302);
      expect(jars[actor].has(/session-token/), `${actor} session cookie`).toBe(true);
    }
  }
});

// --- Page access matrix ----------------------------------------------------------------------

type PageExpect = 200 | 404 | `→${string}`;
const WORKSPACE_PAGE: Record<Actor, PageExpect> = { anonymous: "→/sign-in", other: 404, viewer: 200, editor: 200, owner: 200 };

const PAGES: Record<string, { path: () => string; expect: Record<Actor, PageExpect> }> = {
  "app/page.tsx": { path: () => "/", expect: { anonymous: "→/sign-in", other: "→/workspaces/", viewer: "→/workspaces/", editor: "→/workspaces/", owner: "→/workspaces/" } },
  "app/(auth)/sign-in/page.tsx": { path: () => "/sign-in", expect: { anonymous: 200, other: "→/", viewer: "→/", editor: "→/", owner: "→/" } },
  "app/(auth)/sign-up/page.tsx": { path: () => "/sign-up", expect: { anonymous: 200, other: "→/", viewer: "→/", editor: "→/", owner: "→/" } },
  "app/account/page.tsx": { path: () => "/account", expect: { anonymous: "→/sign-in", other: 200, viewer: 200, editor: 200, owner: 200 } },
  "app/invitations/page.tsx": { path: () => "/invitations", expect: { anonymous: "→/sign-in", other: 200, viewer: 200, editor: 200, owner: 200 } },
  // The token is the capability: whoever holds it may fill the form, signed in or not.
  "pages/s/[token].tsx": { path: () => sessionPath, expect: { anonymous: 200, other: 200, viewer: 200, editor: 200, owner: 200 } },
  "app/workspaces/[workspaceId]/page.tsx": { path: () => `/workspaces/${workspaceId}`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/members/page.tsx": { path: () => `/workspaces/${workspaceId}/members`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/audit/page.tsx": { path: () => `/workspaces/${workspaceId}/audit`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/settings/tokens/page.tsx": { path: () => `/workspaces/${workspaceId}/settings/tokens`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/overview/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/overview?range=24h&mode=test`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/completion/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/completion`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/deliveries/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/deliveries?mode=test`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/sessions/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/sessions`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/sessions/[sessionId]/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/sessions/${liveSessionId}`, expect: WORKSPACE_PAGE },
  "app/workspaces/[workspaceId]/workflows/[workflowId]/webhook/page.tsx": { path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/webhook`, expect: WORKSPACE_PAGE },
};

function outcomeOf(page: Fetched): PageExpect | number {
  if (page.status >= 300 && page.status < 400) return `→${new URL(page.location ?? "", app.baseUrl).pathname}`;
  return page.status;
}

function meets(actual: PageExpect | number, expected: PageExpect): boolean {
  if (typeof expected === "number") return actual === expected;
  return typeof actual === "string" && (expected.endsWith("/") && expected !== "→/" ? actual.startsWith(expected) : actual === expected);
}

describe("pages × actors over HTTP", () => {
  it("the table names every page.tsx that exists", () => {
    expect([...appFiles("page.tsx"), ...pagesRouterFiles()].sort()).toEqual(Object.keys(PAGES).sort());
  });

  for (const [file, page] of Object.entries(PAGES)) {
    it(file.replace(/^app|^pages|\/page\.tsx$|\.tsx$/g, "") || "/", async () => {
      const results: string[] = [];
      for (const actor of Object.keys(page.expect) as Actor[]) {
        const answer = await get(app.baseUrl, page.path(), jars[actor]);
        record(`${actor} ${page.path()}`, answer.text);
        const actual = outcomeOf(answer);
        results.push(`${actor}: ${meets(actual, page.expect[actor]) ? "as expected" : `got ${actual}, expected ${page.expect[actor]}`}`);
      }
      expect(results).toEqual(Object.keys(page.expect).map((a) => `${a}: as expected`));
    });
  }

  // Routes for the signed-in browser (the access matrix lists them as BROWSER_ROUTES).
  const BROWSER_ROUTES: Record<string, { path: () => string; expect: Record<Actor, 200 | 401 | 404> }> = {
    "app/workspaces/[workspaceId]/workflows/[workflowId]/sessions/export/route.ts": {
      path: () => `/workspaces/${workspaceId}/workflows/${hook.workflowId}/sessions/export?format=csv`,
      expect: { anonymous: 401, other: 404, viewer: 200, editor: 200, owner: 200 },
    },
  };

  it("the browser-route table names every route.ts under app/workspaces", () => {
    expect(appFiles("route.ts").filter((f) => f.startsWith("app/workspaces/"))).toEqual(Object.keys(BROWSER_ROUTES).sort());
  });

  for (const [file, route] of Object.entries(BROWSER_ROUTES)) {
    it(file.replace(/^app|\/route\.ts$/g, ""), async () => {
      const results: string[] = [];
      for (const actor of Object.keys(route.expect) as Actor[]) {
        const answer = await get(app.baseUrl, route.path(), jars[actor]);
        record(`${actor} ${route.path()}`, answer.text);
        results.push(`${actor}: ${answer.status === route.expect[actor] ? "as expected" : `got ${answer.status}, expected ${route.expect[actor]}`}`);
      }
      expect(results).toEqual(Object.keys(route.expect).map((a) => `${a}: as expected`));
    });
  }

  it("the sessions export streams the workflow's sessions to members, under their own workspace URL only", async () => {
    const csv = await get(app.baseUrl, `/workspaces/${workspaceId}/workflows/${hook.workflowId}/sessions/export?format=csv&test=true`, jars.viewer);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="secured-sessions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    const lines = csv.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("sessionId,status,test,createdAt,completedAt,")).toBe(true);
    expect(lines).toHaveLength(2); // the one test session of the set-up
    const elsewhere = await get(app.baseUrl, `/workspaces/${users.other.workspaceId}/workflows/${hook.workflowId}/sessions/export`, jars.other);
    expect(elsewhere.status).toBe(404);
  });

  it("a workflow of another workspace is 404 under the visitor's own workspace URL too", async () => {
    const page = await get(app.baseUrl, `/workspaces/${users.other.workspaceId}/workflows/${hook.workflowId}`, jars.other);
    expect(page.status).toBe(404);
    const webhook = await get(app.baseUrl, `/workspaces/${users.other.workspaceId}/workflows/${hook.workflowId}/webhook`, jars.other);
    expect(webhook.status).toBe(404);
  });

  it("a guessed session token is 404", async () => {
    expect((await get(app.baseUrl, `${sessionPath.slice(0, -3)}abc`)).status).toBe(404);
  });
});

// --- Headers and cookies ---------------------------------------------------------------------

describe("security headers", () => {
  it("builder pages refuse framing and sniffing, set a referrer policy, and HSTS in production", async () => {
    for (const path of ["/sign-in", `/workspaces/${workspaceId}`]) {
      const page = await get(app.baseUrl, path, jars.owner);
      expect(page.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
      expect(page.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(page.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(page.headers.get("strict-transport-security"), path).toMatch(/max-age=\d{7,}/);
      expect(page.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("API and webhook answers carry the security headers; webhook answers are never cached", async () => {
    const apiAnswer = await api(app.baseUrl, ownerToken, "GET", "/api/v1/workflows");
    expect(apiAnswer.headers.get("x-content-type-options")).toBe("nosniff");
    const { body, headers } = signedBody(hook, 3);
    const hookAnswer = await rawRequest(hook.hookUrl, { method: "POST", headers, body });
    record("hook live 3", hookAnswer.body);
    expect(hookAnswer.headers["cache-control"]).toBe("no-store");
    // The lean front answers webhooks without Next, so it must add the same headers itself.
    expect(hookAnswer.headers["x-content-type-options"]).toBe("nosniff");
    expect(hookAnswer.headers["x-frame-options"]).toBe("DENY");
    expect(hookAnswer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("session pages may be framed only by the workflow's allowed origins", async () => {
    const start = await get(app.baseUrl, `/w/${openWorkflow.slug}`);
    expect(start.status).toBeGreaterThanOrEqual(300);
    const session = await get(app.baseUrl, new URL(start.location!, app.baseUrl).pathname);
    expect(session.status).toBe(200);
    expect(session.headers.get("content-security-policy")).toMatch(new RegExp(`; frame-ancestors ${ALLOWED_ORIGIN}$`));
    expect(session.headers.get("x-frame-options")).toBeNull();
    const locked = await get(app.baseUrl, sessionPath);
    expect(locked.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("the session cookie is HttpOnly and SameSite=Lax; behind HTTPS it is Secure with the __Secure- prefix", async () => {
    const plain = jars.owner.setCookies.find((c) => /^authjs\.session-token=/.test(c));
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    const jar = new CookieJar();
    await signInWithCredentials(app.baseUrl, jar, users.editor.email, PASSWORD, { "x-forwarded-proto": "https" });
    const secure = jar.setCookies.find((c) => /session-token=/.test(c));
    expect(secure).toMatch(/^__Secure-authjs\.session-token=/);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/HttpOnly/i);
  });
});

// --- Content-Security-Policy with nonces -----------------------------------------------------

/** The nonce of a page's CSP, after checking the policy admits no script or style without one. */
function nonceOf(csp: string | null, label: string): string {
  const directives = new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const scripts = directives.get("script-src") ?? [];
  const styles = directives.get("style-src") ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(scripts.find((v) => v.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, `${label}: script-src ${scripts.join(" ")}`).toBeDefined();
  expect(scripts, label).toContain("'strict-dynamic'");
  expect([...scripts, ...styles].filter((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'"), label).toEqual([]);
  expect(styles, label).toContain(`'nonce-${nonce}'`);
  expect(directives.get("object-src"), label).toEqual(["'none'"]);
  return nonce!;
}

describe("content security policy", () => {
  it("every page admits scripts and styles only with its own fresh nonce, and each one carries it", async () => {
    const pages = [...Object.values(PAGES).map((p) => p.path()), "/no-such-page", `/w/${openWorkflow.slug}-unknown`];
    const seen = new Set<string>();
    for (const path of pages) {
      const page = await get(app.baseUrl, path, path === "/sign-in" || path === "/sign-up" ? undefined : jars.owner);
      expect(page.status, path).not.toBeGreaterThanOrEqual(500);
      const nonce = nonceOf(page.headers.get("content-security-policy"), path);
      expect(seen.has(nonce), `${path}: nonce reused`).toBe(false);
      seen.add(nonce);
      const tags = [...page.text.matchAll(/<(script|style)\b[^>]*>/g)].map((m) => m[0]);
      expect(tags.length, `${path}: a page without scripts or styles proves nothing`).toBeGreaterThan(0);
      expect(tags.filter((tag) => !tag.includes(` nonce="${nonce}"`)), path).toEqual([]);
      // No inline style attributes either: style-src has no 'unsafe-inline' to admit them.
      expect(page.text.match(/<[a-z][^>]*\sstyle="/g) ?? [], path).toEqual([]);
    }
  });
});

// --- CSRF ------------------------------------------------------------------------------------

/** The hidden fields a page's no-JavaScript form posts to run its server action. */
function actionFieldsOf(html: string): [string, string][] {
  const fields = [...html.matchAll(/name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map((m): [string, string] => [m[1]!, (m[2] ?? "").replace(/&quot;/g, '"')]);
  if (!fields.some(([name]) => name.startsWith("$ACTION_1:0"))) throw new Error("no server action form in the page");
  return fields;
}

describe("CSRF", () => {
  it("a cross-origin server-action POST is refused; the same POST from the app's origin works", async () => {
    const page = await get(app.baseUrl, "/sign-up");
    const fields = actionFieldsOf(page.text);
    // Exactly what the sign-up form posts without JavaScript, from a page on another origin.
    const signUpPost = (origin: string, email: string) => {
      const form = new FormData();
      for (const [name, value] of fields) form.set(name, value);
      form.set("email", email);
      form.set("password", PASSWORD);
      form.set("name", "");
      return fetch(`${app.baseUrl}/sign-up`, { method: "POST", redirect: "manual", headers: { origin }, body: form });
    };
    const victimEmail = `csrf-${Date.now()}@example.com`;
    const forged = await signUpPost("http://evil.example", victimEmail);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe(CROSS_ORIGIN_REFUSAL);
    expect(forged.headers.getSetCookie().some((c) => /session-token/.test(c))).toBe(false);
    // Control: the same request from the app's own origin is served, proving the refusal
    // above came from the origin check and not from a malformed request.
    const genuineEmail = `genuine-${Date.now()}@example.com`;
    const genuine = await signUpPost(app.baseUrl, genuineEmail);
    expect(genuine.status).toBeLessThan(400);
    expect(genuine.headers.get("location") ?? genuine.headers.get("x-action-redirect")).toMatch(/\/sign-in\?signed-up=1/);
    expect((await signInWithCredentials(app.baseUrl, new CookieJar(), genuineEmail, PASSWORD)).location).not.toMatch(/error=/);
    // The forged sign-up created no account: signing in with it fails.
    const jar = new CookieJar();
    const attempt = await signInWithCredentials(app.baseUrl, jar, victimEmail, PASSWORD);
    expect(attempt.location).toMatch(/error=/);
  });

  it("a session step posted from another origin is refused; from the session page's own origin it saves", async () => {
    const start = await get(app.baseUrl, `/w/${openWorkflow.slug}`);
    const path = new URL(start.location!, app.baseUrl).pathname;
    const post = (origin: string) =>
      fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ $step: "0", $intent: "next", name: "Mallory" }),
      });
    const forged = await post("http://evil.example");
    expect(forged.status).toBe(403);
    expect((await get(app.baseUrl, path)).text).not.toContain("Thank you");
    const genuine = await post(app.baseUrl);
    expect(genuine.status).toBe(303);
    expect(genuine.headers.get("location")).toBe(path);
    expect((await get(app.baseUrl, path)).text).toContain("Thank you");
  });

  it("the API ignores browser cookies: a signed-in session without a token gets 401", async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/workflows`, {
      method: "POST",
      headers: { cookie: jars.owner.header(), "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ name: "forged" }),
    });
    expect(response.status).toBe(401);
  });
});

// --- Account enumeration ---------------------------------------------------------------------

describe("answers do not tell whether an email has an account", () => {
  /** The sign-up form's no-JavaScript POST, from the app's own origin. */
  const signUp = async (email: string, password: string) => {
    const fields = actionFieldsOf((await get(app.baseUrl, "/sign-up")).text);
    const form = new FormData();
    for (const [name, value] of fields) form.set(name, value);
    form.set("email", email);
    form.set("password", password);
    form.set("name", "");
    const answer = await fetch(`${app.baseUrl}/sign-up`, { method: "POST", redirect: "manual", headers: { origin: app.baseUrl }, body: form });
    return { status: answer.status, location: answer.headers.get("location"), length: (await answer.text()).length };
  };

  it("sign-up answers a taken email exactly as a new one, and leaves the account as it was", async () => {
    const email = `taken-${Date.now()}@example.com`;
    const fresh = await signUp(email, PASSWORD);
    const taken = await signUp(email, "a password nobody has");
    expect(taken).toEqual(fresh);
    expect((await signInWithCredentials(app.baseUrl, new CookieJar(), email, PASSWORD)).location).not.toMatch(/error=/);
  });

  it("sign-in locks an email without an account exactly like one with an account", async () => {
    const existing = `exists-${Date.now()}@example.com`;
    await signUp(existing, PASSWORD);
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push(new URL((await signInWithCredentials(app.baseUrl, new CookieJar(), email, `wrong ${i}`)).location ?? "", app.baseUrl).search);
      return out;
    };
    const nobody = await answers(`nobody-${Date.now()}@example.com`);
    expect(nobody.slice(-2).every((q) => /code=locked/.test(q))).toBe(true);
    expect(nobody).toEqual(await answers(existing));
  });
});

// --- Sign-in lockout -------------------------------------------------------------------------

describe("sign-in lockout", () => {
  it("after 5 failures even the right password is refused, and the form says the account is locked", async () => {
    const email = users.viewer.email;
    for (let i = 0; i < 5; i++) {
      const wrong = await signInWithCredentials(app.baseUrl, new CookieJar(), email, "wrong password here");
      expect(wrong.location, `attempt ${i + 1}`).toMatch(/error=CredentialsSignin/);
    }
    const right = await signInWithCredentials(app.baseUrl, new CookieJar(), email, PASSWORD);
    expect(right.location).toMatch(/code=locked/);
    expect(right.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c) && !/Max-Age=0/i.test(c))).toBe(false);
    // An existing session is not a way around it either way; other users are unaffected.
    const other = await signInWithCredentials(app.baseUrl, new CookieJar(), users.editor.email, PASSWORD);
    expect(other.location).not.toMatch(/error=/);
  });
});

// --- Sign-out ----------------------------------------------------------------------------------

describe("sign-out", () => {
  it("ends the session on the server: a copy of the cookie taken before signing out no longer works", async () => {
    const jar = new CookieJar();
    expect((await signInWithCredentials(app.baseUrl, jar, users.editor.email, PASSWORD)).status).toBe(302);
    const stolen = jar.copy();
    const page = `/workspaces/${workspaceId}`;
    expect((await get(app.baseUrl, page, stolen)).status).toBe(200);

    // What the Sign out button does: Auth.js's sign-out, with its CSRF token.
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
    jar.store(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await fetch(`${app.baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${app.baseUrl}/sign-in` }),
    });
    expect(out.status).toBe(302);

    const replay = await get(app.baseUrl, page, stolen);
    expect(outcomeOf(replay)).toBe("→/sign-in");
    // The other sessions of the same user are untouched.
    expect((await get(app.baseUrl, page, jars.editor)).status).toBe(200);
  });
});

// --- Secrets ---------------------------------------------------------------------------------

describe("secrets never leak", () => {
  it("the secret appears in no page, no JSON answer but its creation, no log line; tokens and passwords neither", async () => {
    // The reads a builder and a script make after creating the secret.
    for (const path of [`/api/v1/audit-events`, `/api/v1/workflows/${hook.workflowId}/sessions/export?format=ndjson`, `/api/v1/workflows/${hook.workflowId}`, `/api/v1/workflows/${hook.workflowId}/secrets`, `/api/v1/workflows/${hook.workflowId}/deliveries`, `/api/v1/workflows/${hook.workflowId}/deliveries?test=true`, `/api/v1/workflows/${hook.workflowId}/sessions`, `/api/v1/workflows/${hook.workflowId}/detected-fields`]) {
      const answer = await api(app.baseUrl, ownerToken, "GET", path);
      expect(answer.status, path).toBe(200);
      record(`api ${path}`, answer.text);
    }
    expect(answers.length).toBeGreaterThan(50);
    const last4 = hook.secret.slice(-4);
    const secretsListed = answers.find((a) => a.label.endsWith("/secrets"))!;
    expect(secretsListed.text).toContain(last4); // the scan below can see what it looks for
    for (const needle of [hook.secret, hook.secret.replace(/^whsec_/, ""), ownerToken, PASSWORD]) {
      const leaks = answers.filter((a) => a.text.includes(needle)).map((a) => a.label);
      expect(leaks, `leaks of ${needle.slice(0, 6)}…`).toEqual([]);
      const logLeaks = app.logs.filter((line) => line.includes(needle));
      expect(logLeaks).toEqual([]);
    }
    expect(app.logs.filter((l) => l.startsWith("{")).length).toBeGreaterThan(10); // logs were captured
  });

  it("the database holds the secret only as ciphertext; delivery rows and audit events never contain it", async () => {
    await app.stop();
    const leaks = await withStoreDb(store, async (db) => {
      const secrets = await db.prisma.$queryRawUnsafe<{ ciphertext: string; last4: string }[]>(`SELECT ciphertext, last4 FROM "WebhookSecret" WHERE "workflowId" = $1`, hook.workflowId);
      const deliveries = await db.prisma.$queryRawUnsafe<{ headers: unknown; body: Uint8Array | null }[]>(`SELECT headers, body FROM "Delivery" WHERE "workflowId" = $1`, hook.workflowId);
      const audit = await db.prisma.$queryRawUnsafe<{ data: unknown }[]>(`SELECT data FROM "AuditEvent"`);
      const tokens = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "ApiToken"`);
      const usersRows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "User"`);
      expect(secrets).toHaveLength(1);
      expect(secrets[0]!.last4).toBe(hook.secret.slice(-4));
      expect(deliveries.length).toBeGreaterThanOrEqual(4);
      expect(audit.length).toBeGreaterThan(0);
      const haystacks = {
        ciphertext: secrets.map((s) => s.ciphertext).join("\n"),
        deliveries: deliveries.map((d) => JSON.stringify(d.headers) + Buffer.from(d.body ?? new Uint8Array()).toString("utf8")).join("\n"),
        audit: JSON.stringify(audit.map((a) => a.data)),
        tokens: JSON.stringify(tokens),
        users: JSON.stringify(usersRows),
      };
      const found: string[] = [];
      for (const [where, text] of Object.entries(haystacks)) {
        for (const [what, needle] of Object.entries({ secret: hook.secret, secretBody: hook.secret.replace(/^whsec_/, ""), token: ownerToken, password: PASSWORD })) {
          if (text.includes(needle)) found.push(`${what} in ${where}`);
        }
      }
      // The ciphertext is not an encoding of the secret either.
      if (Buffer.from(haystacks.ciphertext, "base64").includes(Buffer.from(hook.secret))) found.push("secret in decoded ciphertext");
      return found;
    });
    expect(leaks).toEqual([]);
    await app.start();
  }, 120_000);
});
