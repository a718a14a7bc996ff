import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/errors/unique-violation";
import { hashPassword } from "./password";
import { ZSignUp } from "./schemas";
import { createUserWithPersonalWorkspace, findUserByEmail } from "./user-repository";

/** Registers a user with a personal workspace. Used by the sign-up form and the admin CLI. */
export async function signUp(db: PrismaClient, input: unknown) {
  const data = ZSignUp.parse(input);
  if (await findUserByEmail(db, data.email)) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { reason: "email_taken" });
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await createUserWithPersonalWorkspace(db, { email: data.email, name: data.name, passwordHash });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same message.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { reason: "email_taken" });
    }
    throw error;
  }
}
