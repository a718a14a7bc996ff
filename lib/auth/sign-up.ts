import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { logger } from "@/lib/log/logger";
import { hashPassword } from "./password";
import { ZSignUp } from "./schemas";
import { createUserWithPersonalWorkspace } from "./user-repository";

type Account = Awaited<ReturnType<typeof createUserWithPersonalWorkspace>>;

/**
 * Creates the account, or reports that the email is taken. The password is hashed first and
 * the unique index decides, so both outcomes cost the same time (and two sign-ups racing for
 * one email cannot both win).
 */
async function createAccount(db: PrismaClient, input: unknown): Promise<Account | null> {
  const data = ZSignUp.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await createUserWithPersonalWorkspace(db, { email: data.email, name: data.name, passwordHash });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Registers a user with a personal workspace; says so when the email is taken. For the admin CLI and tests. */
export async function signUp(db: PrismaClient, input: unknown): Promise<Account> {
  const account = await createAccount(db, input);
  if (!account) throw new AppError("CONFLICT", "An account with this email already exists.", { reason: "email_taken" });
  return account;
}

/**
 * The public sign-up form: the same answer, after the same work, whether or not the email
 * already has an account, so the form cannot be used to find out who uses Signet. The new
 * user signs in next (the existing one can too, with their own password).
 */
export async function registerAccount(db: PrismaClient, input: unknown): Promise<void> {
  if ((await createAccount(db, input)) === null) logger.info("sign_up_email_taken", {});
}
