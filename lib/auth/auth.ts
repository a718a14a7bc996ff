import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { isSessionCurrent, newSessionClaims, revokeSession, SESSION_MAX_AGE_SECONDS } from "./auth-session";
import { verifyCredentials } from "./verify-credentials";

/** Carries the lockout to the sign-in form without saying whether the email exists. */
export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

// Config is built per request (lazy) so the secret comes from the validated app config,
// which on the embedded default is generated into ./data on first start.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    // Auth.js prints its own multi-line errors (a stack for every wrong password); route them
    // to our JSON-lines log, where a failed sign-in is an expected event, not an error.
    logger: {
      error(error: Error) {
        const type = (error as Error & { type?: string }).type;
        if (type === "CredentialsSignin") logger.info("sign_in_refused", { reason: (error as Error & { code?: string }).code ?? "invalid" });
        else logger.error("auth_error", { type, error });
      },
      warn(code: string) {
        logger.warn("auth_warning", { code });
      },
      debug(message: string) {
        logger.debug("auth_debug", { message });
      },
    },
    events: {
      async signOut(message) {
        if ("token" in message && message.token) await revokeSession(await getDb(), message.token);
      },
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const result = await verifyCredentials(await getDb(), credentials);
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
          if (result.reason === "locked") throw new AccountLocked();
          return null;
        },
      }),
    ],
    callbacks: {
      // On sign-in the token gets this session's id and the user's session version; on every
      // later request both are checked against the database, so a signed-out session (or one
      // from before a password change) ends at once instead of when its JWT expires. Nothing
      // else is ever copied into the token (an `update` call from the browser cannot renew it).
      async jwt({ token, user }) {
        if (user?.id) return { ...token, sub: user.id, ...newSessionClaims((user as { sessionVersion?: number }).sessionVersion ?? 0) };
        return (await isSessionCurrent(await getDb(), token)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});
