// The app's configuration: environment variables, validated once at start-up so a mistake
// stops the process with a message that names the variable and the fix, instead of failing
// on the first request.
import { resolve } from "node:path";
import { z } from "zod";
import { parseAppKeys, type AppKey } from "./app-keys";
import { ConfigError } from "./config-error";
import { loadOrCreateEmbeddedSecrets } from "./generated-keys";

export { ConfigError } from "./config-error";
export type { AppKey } from "./app-keys";

export interface AppConfig {
  /** PostgreSQL URL, or null for the embedded PGlite database under dataDir. */
  databaseUrl: string | null;
  /** Absolute path of the embedded database and its generated secrets. */
  dataDir: string;
  authSecret: string;
  /** Non-empty; the first key encrypts, all of them decrypt. */
  appKeys: AppKey[];
  port: number;
  hostname: string;
  /** Base URL users reach the app at, without a trailing slash. */
  publicUrl: string;
  hookBodyLimitBytes: number;
  hookRateLimitPerMinute: number;
  /** PostgreSQL connection pool size per app instance. */
  dbPoolSize: number;
  nodeEnv: "development" | "production" | "test";
}

const MAKE_SECRET = "openssl rand -base64 32";

// `FOO=` in a .env or compose file means "not set", not "set to the empty string".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const positiveInt = (what: string, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).min(1, `must be ${what}`).max(max, `must be ${what}`);

const ZEnv = z.object({
  DATABASE_URL: optional(
    z.string().refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "postgres:" || url.protocol === "postgresql:";
      } catch {
        return false;
      }
      // The value is deliberately not echoed: it usually holds a password.
    }, "must be a PostgreSQL URL like postgres://user:password@host:5432/signet; unset it to use the embedded database"),
  ),
  SIGNET_DATA_DIR: optional(z.string()),
  AUTH_SECRET: optional(z.string().min(32, `must be at least 32 characters; make one with \`${MAKE_SECRET}\``)),
  SIGNET_APP_KEY: optional(z.string()),
  PORT: optional(positiveInt("a port number between 1 and 65535", 65535)),
  HOSTNAME: optional(z.string()),
  SIGNET_PUBLIC_URL: optional(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL like https://signet.example.com" }),
  ),
  SIGNET_HOOK_BODY_LIMIT: optional(positiveInt("a positive number of bytes, e.g. 1048576")),
  SIGNET_HOOK_RATE_LIMIT: optional(positiveInt("a positive number of requests per minute per webhook")),
  SIGNET_DB_POOL: optional(positiveInt("a positive number of connections", 1000)),
  NODE_ENV: optional(z.enum(["development", "production", "test"], { error: "must be development, production or test" })),
});

type Env = Record<string, string | undefined>;

function fail(problems: string[]): never {
  throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}

/** Builds the configuration from `env` (no caching): for tests and for getConfig. */
export function loadConfig(env: Env = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  const e = parsed.data;

  const databaseUrl = e.DATABASE_URL ?? null;
  // turbopackIgnore: a run-time path; without it the build traces the whole project.
  const dataDir = resolve(/*turbopackIgnore: true*/ e.SIGNET_DATA_DIR ?? "./data");
  let authSecret = e.AUTH_SECRET;
  let appKeyRaw = e.SIGNET_APP_KEY;

  if (!authSecret || !appKeyRaw) {
    if (databaseUrl) {
      // Every instance behind a load balancer must share these, so we cannot invent them.
      const missing = [!authSecret && "AUTH_SECRET", !appKeyRaw && "SIGNET_APP_KEY"].filter((m): m is string => Boolean(m));
      fail(missing.map((name) => `${name} is required with DATABASE_URL (every instance must share it); make one with \`${MAKE_SECRET}\``));
    }
    const stored = loadOrCreateEmbeddedSecrets(dataDir);
    authSecret ??= stored.authSecret;
    appKeyRaw ??= stored.appKey;
  }

  const keys = parseAppKeys(appKeyRaw);
  if ("problem" in keys) {
    fail([`SIGNET_APP_KEY ${keys.problem}; use \`${MAKE_SECRET}\`, or id:base64,id:base64 to rotate (first is current)`]);
  }

  const port = e.PORT ?? 3000;
  return {
    databaseUrl,
    dataDir,
    authSecret,
    appKeys: keys.keys,
    port,
    hostname: e.HOSTNAME ?? "0.0.0.0",
    publicUrl: (e.SIGNET_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    hookBodyLimitBytes: e.SIGNET_HOOK_BODY_LIMIT ?? 1024 * 1024,
    hookRateLimitPerMinute: e.SIGNET_HOOK_RATE_LIMIT ?? 600,
    dbPoolSize: e.SIGNET_DB_POOL ?? 10,
    nodeEnv: e.NODE_ENV ?? "development",
  };
}

let cached: AppConfig | undefined;

/** The process's configuration, validated on first use; throws ConfigError when invalid. */
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}
