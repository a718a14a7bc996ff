// On the embedded database a fresh clone must start with no setup, so the secrets it needs
// are generated once into <dataDir>/secrets.json and reused on every later start (sessions
// and encrypted webhook secrets survive restarts). With DATABASE_URL we refuse instead:
// several app instances must share one secret, which a local file cannot guarantee.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./config-error";

export interface EmbeddedSecrets {
  authSecret: string;
  appKey: string;
}

export function secretsPath(dataDir: string): string {
  return join(dataDir, "secrets.json");
}

function readSecrets(file: string): Partial<EmbeddedSecrets> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (!parsed || typeof parsed !== "object") throw new Error("not an object");
    const { authSecret, appKey } = parsed as Record<string, unknown>;
    return {
      authSecret: typeof authSecret === "string" ? authSecret : undefined,
      appKey: typeof appKey === "string" ? appKey : undefined,
    };
  } catch {
    throw new ConfigError(
      `${file} is not valid JSON. Restore it from a backup; deleting it makes new secrets, which signs everyone out ` +
        `and makes stored webhook secrets unreadable.`,
    );
  }
}

/** Reads the stored secrets, generating and saving whichever is missing. */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = secretsPath(dataDir);
  const stored = readSecrets(file);
  if (stored.authSecret && stored.appKey) {
    chmodSync(file, 0o600); // tighten a copy restored with looser permissions
    return { authSecret: stored.authSecret, appKey: stored.appKey };
  }
  const secrets: EmbeddedSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64"),
    appKey: stored.appKey ?? randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Write-then-rename so a crash never leaves a half-written file that loses the keys.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  renameSync(tmp, file);
  return secrets;
}
