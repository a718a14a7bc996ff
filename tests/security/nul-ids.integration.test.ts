// An id holding a NUL byte (or an unpaired surrogate) cannot exist in PostgreSQL's text
// columns, and sending one makes the query fail: the security probe got a 500 for
// /api/hooks/%00, /w/%00 and /api/v1/workflows/%00. Every lookup by an id from a URL treats
// such an id as not found, before any query.
import { describe, expect, it } from "vitest";
import * as sessionById from "@/app/api/v1/sessions/[id]/route";
import * as workflowById from "@/app/api/v1/workflows/[id]/route";
import * as revokeSecret from "@/app/api/v1/workflows/[id]/secrets/[secretId]/revoke/route";
import { authorizeWorkspace } from "@/lib/auth/authorize";
import { isAppError } from "@/lib/errors/app-error";
import { findSessionByToken } from "@/lib/sessions/session-repository";
import { getWorkflowSession } from "@/lib/sessions/list-workflow-sessions";
import { visitDirectLink } from "@/lib/sessions/visit-direct-link";
import { sessionFrameAncestors } from "@/lib/embedding/session-frame-policy";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { call, ownerWithToken, setUpApiTestDb } from "@/tests/api/api-test-kit";

const t = setUpApiTestDb();
const BAD_IDS = ["\u0000", "cm\u0000x", "\ud800"];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("ids the database cannot hold are not found", () => {
  it("REST API: 404 for every route's id parameter", async () => {
    const owner = await ownerWithToken(t.db, "nul");
    for (const id of BAD_IDS) {
      const path = "/api/v1/workflows/x";
      expect((await call(workflowById.GET, "GET", path, { id }, { token: owner.token })).status, JSON.stringify(id)).toBe(404);
      expect((await call(sessionById.GET, "GET", `/api/v1/sessions/x`, { id }, { token: owner.token })).status).toBe(404);
      expect((await call(revokeSecret.POST, "POST", `${path}/secrets/x/revoke`, { id: "x", secretId: id }, { token: owner.token })).status).toBe(404);
    }
  });

  it("pages and direct links: workspace, workflow and session ids, slugs and session tokens", async () => {
    const owner = await ownerWithToken(t.db, "nul-pages");
    const actor = { userId: owner.userId };
    for (const id of BAD_IDS) {
      expect(await codeOf(authorizeWorkspace(t.db.prisma, actor, id, "view"))).toBe("NOT_FOUND");
      expect(await codeOf(authorizeWorkflow(t.db.prisma, actor, id, "view"))).toBe("NOT_FOUND");
      expect(await codeOf(getWorkflowSession(t.db.prisma, actor, id))).toBe("NOT_FOUND");
      expect(await findSessionByToken(t.db.prisma, id)).toBeNull();
      expect(await sessionFrameAncestors(t.db.prisma, id)).toBe("'none'");
      const visit = await visitDirectLink(t.db.prisma, id, new Headers({ "x-forwarded-for": "203.0.113.9" }));
      expect(visit).toMatchObject({ kind: "refused", refusal: "not_found" });
    }
  });
});
