import { describe, expect, it } from "vitest";
import { toErrorResponse } from "@/lib/errors/http";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { isSessionCurrent, newSessionClaims, revokeSession } from "./auth-session";
import { findSessionVersion } from "./auth-session-repository";
import { changePassword } from "./change-password";
import { signUp } from "./sign-up";
import { SIGN_IN_MAX_ATTEMPTS, verifyCredentials } from "./verify-credentials";

// Browser sessions end before their JWT expires: on sign-out (that session) and on a password
// change (every session of the user). The check runs on every request (lib/auth/auth.ts).

const db = useTestDatabase();
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";

async function userWithTwoSessions(label: string) {
  const user = await signUp(db.prisma, { email: `${label}@example.com`, password: PASSWORD });
  const version = (await findSessionVersion(db.prisma, user.userId))!.sessionVersion;
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const laptop = { sub: user.userId, exp, ...newSessionClaims(version) };
  const phone = { sub: user.userId, exp, ...newSessionClaims(version) };
  return { user, laptop, phone };
}

describe("browser sessions", () => {
  it("signing out ends that session only", async () => {
    const { laptop, phone } = await userWithTwoSessions("signout");
    expect(await isSessionCurrent(db.prisma, laptop)).toBe(true);
    await revokeSession(db.prisma, laptop);
    await revokeSession(db.prisma, laptop); // a second sign-out of the same cookie is harmless
    expect(await isSessionCurrent(db.prisma, laptop)).toBe(false);
    expect(await isSessionCurrent(db.prisma, phone)).toBe(true);
  });

  it("a password change ends every session; the old password stops working", async () => {
    const { user, laptop, phone } = await userWithTwoSessions("change");
    await changePassword(db.prisma, { userId: user.userId }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await isSessionCurrent(db.prisma, laptop)).toBe(false);
    expect(await isSessionCurrent(db.prisma, phone)).toBe(false);
    expect((await verifyCredentials(db.prisma, { email: user.email, password: PASSWORD })).ok).toBe(false);
    const signedIn = await verifyCredentials(db.prisma, { email: user.email, password: NEW_PASSWORD });
    expect(signedIn.ok).toBe(true);
    // A session issued after the change is current.
    if (signedIn.ok) expect(await isSessionCurrent(db.prisma, { sub: user.userId, ...newSessionClaims(signedIn.user.sessionVersion) })).toBe(true);
  });

  it("tokens without the claims (issued before revocation existed, or forged shapes) are not current", async () => {
    const { user } = await userWithTwoSessions("claims");
    expect(await isSessionCurrent(db.prisma, { sub: user.userId })).toBe(false);
    expect(await isSessionCurrent(db.prisma, { sub: user.userId, sid: "x", sv: "0" })).toBe(false);
    expect(await isSessionCurrent(db.prisma, { sub: "nobody", sid: "x", sv: 0 })).toBe(false);
  });

  it("the current password is checked like a sign-in: wrong is a 422, and it counts towards the lockout", async () => {
    const { user } = await userWithTwoSessions("guess");
    const attempt = async (currentPassword: string) => {
      try {
        await changePassword(db.prisma, { userId: user.userId }, { currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
        return 200;
      } catch (error) {
        return toErrorResponse(error).status;
      }
    };
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_MAX_ATTEMPTS + 1; i++) statuses.push(await attempt(`guess ${i}`));
    expect(statuses.slice(0, SIGN_IN_MAX_ATTEMPTS - 1)).toEqual(Array(SIGN_IN_MAX_ATTEMPTS - 1).fill(422));
    expect(statuses.slice(SIGN_IN_MAX_ATTEMPTS - 1)).toEqual([429, 429]);
    expect(await attempt(PASSWORD)).toBe(429);
    expect(await attempt.call(null, "")).toBe(422);
  });

  it("an API token cannot change the password", async () => {
    const { user } = await userWithTwoSessions("token");
    await expect(changePassword(db.prisma, { userId: user.userId, tokenId: "t" }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
