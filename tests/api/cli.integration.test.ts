// The admin CLI as a self-hoster runs it: `signet user:create`, then `signet token:create`,
// and the printed token works against the API — on PGlite (a data directory) and PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import * as workflows from "@/app/api/v1/workflows/route";
import { setDbForTests } from "@/lib/db/client";
import { useCliDatabase } from "@/tests/helpers/cli-database";
import { call, uniqueEmail } from "./api-test-kit";

const cli = useCliDatabase();
afterAll(() => setDbForTests(null));

describe("signet user:create and token:create", () => {
  it("create a user and print a working token once", { timeout: 120_000 }, async () => {
    const email = uniqueEmail("cli");
    const user = await cli.signet(["user:create", "--email", email, "--password", "correct horse battery"]);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain(email);

    const taken = await cli.signet(["user:create", "--email", email, "--password", "correct horse battery"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("already exists");

    const token = await cli.signet(["token:create", "--email", email, "--name", "deploy"]);
    expect(token.code, token.stderr).toBe(0);
    const printed = token.stdout.trim();
    expect(printed).toMatch(/^sig_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toContain("shown only now");

    const unknown = await cli.signet(["token:create", "--email", uniqueEmail("nobody")]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with the email");

    await cli.withDb(async (db) => {
      setDbForTests(db);
      const listed = await call(workflows.GET, "GET", "/api/v1/workflows", {}, { token: printed });
      expect(listed.status).toBe(200);
      expect(listed.json).toEqual({ data: [], nextCursor: null });
      const created = await call(workflows.POST, "POST", "/api/v1/workflows", {}, { token: printed, body: { name: "From the CLI token" } });
      expect(created.status).toBe(201);
      setDbForTests(null);
    });
  });
});
