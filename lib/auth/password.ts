import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-recommended memory/time costs).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A corrupt stored hash must read as "wrong password", never as a crash.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Burns the same time as a real check so unknown emails can't be told apart by latency. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("signet-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
