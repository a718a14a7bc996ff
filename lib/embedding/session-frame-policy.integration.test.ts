// The framing policy of session pages follows the workflow's live allowed origins, refuses
// framing for unknown tokens, and picks up a publish after its short cache.
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { startDirectSession } from "@/lib/sessions/start-direct-session";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { NO_FRAMING, POLICY_CACHE_MS, sessionFrameAncestors, sessionTokenOfPath } from "./session-frame-policy";

const t = useTestDatabase();

const definition = (allowedOrigins: string[]) => ({
  trigger: { type: "webhook", allowedOrigins },
  steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "name", label: "Name" }] }],
});

describe("sessionFrameAncestors", () => {
  it("allows exactly the live version's origins, refuses unknown tokens, and follows a publish", async () => {
    const user = await signUp(t.prisma, { email: `frame-${Date.now()}@example.com`, password: "correct horse battery staple" });
    const actor = { userId: user.userId };
    const wf = await createWorkflow(t.prisma, actor, user.workspaceId, { name: "Embed", definition: definition(["http://localhost:4100"]) });
    await publishWorkflow(t.prisma, actor, wf.id);
    const session = await startDirectSession(t.prisma, wf.slug);
    const start = Date.now();

    expect(await sessionFrameAncestors(t.prisma, session.token, start)).toBe("http://localhost:4100");
    expect(await sessionFrameAncestors(t.prisma, "no-such-token", start)).toBe(NO_FRAMING);

    // A draft change alone changes nothing; published, it applies once the cache entry ends.
    const draft = await updateWorkflow(t.prisma, actor, wf.id, { definition: definition([]), expectedRevision: wf.draftRevision });
    expect(await sessionFrameAncestors(t.prisma, session.token, start + POLICY_CACHE_MS + 1)).toBe("http://localhost:4100");
    await publishWorkflow(t.prisma, actor, wf.id, { expectedRevision: draft.draftRevision });
    expect(await sessionFrameAncestors(t.prisma, session.token, start + 1)).toBe("http://localhost:4100");
    expect(await sessionFrameAncestors(t.prisma, session.token, start + 2 * POLICY_CACHE_MS + 2)).toBe(NO_FRAMING);
  });

  it("reads the token from session page paths only", () => {
    expect(sessionTokenOfPath("/s/abc123")).toBe("abc123");
    expect(sessionTokenOfPath("/s/abc123/done")).toBe("abc123");
    expect(sessionTokenOfPath("/s/%E0%A4%A")).toBeUndefined();
    expect(sessionTokenOfPath("/sessions/abc")).toBeUndefined();
    expect(sessionTokenOfPath("/workspaces/x")).toBeUndefined();
  });
});
