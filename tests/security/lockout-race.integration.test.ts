// The sign-in lockout under a burst of parallel attempts, against the real server: two app
// instances on one PostgreSQL database (one instance on the embedded database, which a second
// process cannot open). 79 wrong passwords and the right one are posted at once, spread over
// the instances. Every password check is logged by the server ("password_checked"), so the
// test counts exactly how many ran: never more failed checks than the limit, whatever the
// concurrency, and the right password gets in only if its own attempt was within the limit.
import { describe, expect, it } from "vitest";
import { SIGN_IN_MAX_ATTEMPTS } from "@/lib/auth/verify-credentials";
import { testEngine } from "@/tests/helpers/test-db";
import { runCli, useAppProcess } from "@/tests/reliability/app-process";
import { PASSWORD } from "@/tests/reliability/journey";
import { CookieJar } from "./http-client";

const BURST = 80;
const email = `burst-${Date.now()}@example.com`;
const { apps } = useAppProcess({
  ports: testEngine() === "postgres" ? [3341, 3342] : [3341],
  prepare: (store) => void runCli(store, ["user:create", "--email", email, "--password", PASSWORD]),
});

/** A CSRF token and cookie for Auth.js's credentials endpoint, fetched ahead of the burst. */
async function prepared(baseUrl: string) {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { baseUrl, jar, csrfToken };
}

async function post(attempt: Awaited<ReturnType<typeof prepared>>, password: string) {
  const response = await fetch(`${attempt.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: attempt.jar.header() },
    body: new URLSearchParams({ email, password, csrfToken: attempt.csrfToken, callbackUrl: `${attempt.baseUrl}/` }),
  });
  await response.text();
  const signedIn = response.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c) && !/Max-Age=0/i.test(c));
  return { location: response.headers.get("location") ?? "", signedIn };
}

const checks = (ok: boolean) => apps.flatMap((app) => app.logs).filter((line) => line.includes('"password_checked"') && line.includes(`"ok":${ok}`)).length;

describe(`sign-in lockout under a burst of ${BURST} parallel attempts`, () => {
  it("runs at most the limit of failed password checks, and the right password gets in only within the limit", async () => {
    const attempts = await Promise.all(Array.from({ length: BURST }, (_, i) => prepared(apps[i % apps.length]!.baseUrl)));
    // The right password goes last, as an attacker's guess list would hold it somewhere.
    const answers = await Promise.all(attempts.map((attempt, i) => post(attempt, i === BURST - 1 ? PASSWORD : `wrong password ${i}`)));
    const right = answers[BURST - 1]!;

    const failed = checks(false);
    const succeeded = checks(true);
    expect(failed, "failed password checks").toBeLessThanOrEqual(SIGN_IN_MAX_ATTEMPTS);
    expect(answers.slice(0, -1).every((a) => !a.signedIn)).toBe(true);
    if (right.signedIn) {
      // Its attempt was one of the first few: it was checked, within the limit.
      expect(succeeded).toBe(1);
    } else {
      expect(succeeded, "the right password was not even checked while locked").toBe(0);
      expect(right.location).toMatch(/code=locked/);
      // And the lock holds afterwards, on every instance.
      for (const app of apps) {
        const again = await post(await prepared(app.baseUrl), PASSWORD);
        expect(again.signedIn).toBe(false);
        expect(again.location).toMatch(/code=locked/);
      }
      expect(checks(true)).toBe(0);
    }
    expect(answers.filter((a) => /code=locked/.test(a.location)).length, "the others were told the account is locked").toBeGreaterThanOrEqual(BURST - SIGN_IN_MAX_ATTEMPTS - 1);
  }, 300_000);
});
