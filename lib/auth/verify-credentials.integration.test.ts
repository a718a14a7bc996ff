import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { signUp } from "./sign-up";
import { SIGN_IN_MAX_ATTEMPTS, SIGN_IN_WINDOW_SECONDS, verifyCredentials } from "./verify-credentials";

// The lockout on the database, in process: attempts are counted before the password check,
// atomically, for emails with and without an account alike.

const db = useTestDatabase();
const PASSWORD = "correct horse battery";
const NOW = new Date("2026-11-29T12:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe("verifyCredentials", () => {
  it("40 parallel wrong attempts: only the limit is admitted, the rest are refused as locked", async () => {
    const { email } = await signUp(db.prisma, { email: "parallel@example.com", password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verifyCredentials(db.prisma, { email, password: `wrong ${i}` }, NOW)));
    const invalid = results.filter((r) => !r.ok && r.reason === "invalid").length;
    // The last admitted failure already answers "locked"; every refused one does too.
    expect(invalid).toBe(SIGN_IN_MAX_ATTEMPTS - 1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(40 - invalid);
    expect(await verifyCredentials(db.prisma, { email, password: PASSWORD }, later(60))).toMatchObject({ ok: false, reason: "locked" });
    // The window ends; the right password works again and gives its attempt back.
    expect(await verifyCredentials(db.prisma, { email, password: PASSWORD }, later(SIGN_IN_WINDOW_SECONDS + 1))).toMatchObject({ ok: true });
  });

  it("a successful sign-in does not use up the limit", async () => {
    const { email } = await signUp(db.prisma, { email: "often@example.com", password: PASSWORD });
    for (let i = 0; i < SIGN_IN_MAX_ATTEMPTS * 3; i++) expect((await verifyCredentials(db.prisma, { email, password: PASSWORD }, later(i))).ok).toBe(true);
  });

  it("an email without an account gets the same answers as one with an account", async () => {
    const { email } = await signUp(db.prisma, { email: "exists@example.com", password: PASSWORD });
    const answers = async (address: string) => {
      const out: string[] = [];
      for (let i = 0; i < SIGN_IN_MAX_ATTEMPTS + 2; i++) {
        const result = await verifyCredentials(db.prisma, { email: address, password: `wrong ${i}` }, later(i));
        out.push(result.ok ? "ok" : result.reason === "locked" ? `locked ${result.retryAfterSeconds}` : result.reason);
      }
      return out;
    };
    expect(await answers("nobody@example.com")).toEqual(await answers(email));
  });
});
