// The app's configuration: every environment variable the app reads is read here, validated
// once at start-up so a mistake stops the process with a message that names the variable and
// the fix, instead of failing on the first request. README's configuration table lists them.
// A few are also read on their own (logLevelFromEnv, hstsFromEnv, migrationsDirFromEnv): the
// logger must work while the configuration is invalid, and next.config.ts and the migrator
// run without the app's secrets. Not configuration: NEXT_RUNTIME (a constant Next inlines, see
// instrumentation.ts); the launcher's SIGNET_HEAP_MB and SIGNET_REBUILD (scripts/start.mjs,
// plain JavaScript that runs before any of this); tooling options of tests and the benchmark
// (docs/testing.md, docs/performance.md).
import { resolve } from "node:path";
import { z } from "zod";
// Relative: next.config.ts loads this module (through security-headers.ts) without the @/ alias.
import { NO_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from "../http/client-ip";
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
  /** Peers whose X-Forwarded-For / X-Real-IP are believed (our reverse proxies). */
  trustedProxies: TrustedProxies;
  /** Sessions one client (IP, or IPv6 /64) may start per minute through direct links. */
  directLinkRateLimitPerMinute: number;
  /** Requests one client may make per minute to the session API. */
  sessionApiRateLimitPerMinute: number;
  /** Bearer token for GET /metrics; null: metrics are off (404). */
  metricsToken: string | null;
  /** On SIGTERM: how long /readyz fails before the listener closes (for balancers that poll it). */
  drainDelayMs: number;
  /** On SIGTERM: how long in-flight requests get to finish before the process exits anyway. */
  shutdownGraceMs: number;
  /** Delivery-log rows (headers and stored payloads included) older than this are pruned. */
  deliveryRetentionDays: number;
  /** Completion webhooks may reach private, loopback and link-local addresses (self-hosting, tests). */
  allowPrivateTargets: boolean;
  /** Whether this process runs the job runner (completion-webhook delivery, scheduled retention). */
  jobsEnabled: boolean;
  nodeEnv: "development" | "production" | "test";
}

export type LogLevel = "debug" | "info" | "warn" | "error";

const MAKE_SECRET = "openssl rand -base64 32";

// `FOO=` in a .env or compose file means "not set", not "set to the empty string".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const positiveInt = (what: string, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).min(1, `must be ${what}`).max(max, `must be ${what}`);

const ZLogLevel = z.enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" });
const ZHsts = z.enum(["on", "off"], { error: "must be on or off" });

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
  SIGNET_TRUSTED_PROXIES: optional(z.string()),
  SIGNET_DIRECT_LINK_RATE_LIMIT: optional(positiveInt("a positive number of sessions per minute per client")),
  SIGNET_SESSION_API_RATE_LIMIT: optional(positiveInt("a positive number of requests per minute per client")),
  SIGNET_METRICS_TOKEN: optional(
    z.string().min(16, "must be at least 16 characters; make one with `openssl rand -hex 32`").regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces"),
  ),
  SIGNET_DRAIN_DELAY_SECONDS: optional(z.coerce.number({ error: "must be a number of seconds" }).min(0, "must be 0 or more seconds").max(300, "must be at most 300 seconds")),
  SIGNET_SHUTDOWN_GRACE_SECONDS: optional(positiveInt("a positive number of seconds", 3600)),
  SIGNET_DELIVERY_RETENTION_DAYS: optional(positiveInt("a whole number of days between 1 and 3650", 3650)),
  SIGNET_ALLOW_PRIVATE_TARGETS: optional(z.enum(["0", "1"], { error: "must be 1 (allow) or 0 (refuse, the default)" })),
  SIGNET_JOBS: optional(z.enum(["on", "off"], { error: "must be on (the default) or off" })),
  NODE_ENV: optional(z.enum(["development", "production", "test"], { error: "must be development, production or test" })),
  // Validated here so a typo stops the start; read by logLevelFromEnv, hstsFromEnv, migrationsDirFromEnv.
  SIGNET_LOG_LEVEL: optional(ZLogLevel),
  SIGNET_HSTS: optional(ZHsts),
  SIGNET_MIGRATIONS_DIR: optional(z.string()),
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

  const proxies = e.SIGNET_TRUSTED_PROXIES ? parseTrustedProxies(e.SIGNET_TRUSTED_PROXIES) : NO_TRUSTED_PROXIES;
  if ("problem" in proxies) fail([`SIGNET_TRUSTED_PROXIES ${proxies.problem}; list your reverse proxies' addresses, e.g. 127.0.0.1,10.0.0.0/8`]);

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
    trustedProxies: proxies,
    directLinkRateLimitPerMinute: e.SIGNET_DIRECT_LINK_RATE_LIMIT ?? 60,
    sessionApiRateLimitPerMinute: e.SIGNET_SESSION_API_RATE_LIMIT ?? 300,
    metricsToken: e.SIGNET_METRICS_TOKEN ?? null,
    drainDelayMs: Math.round((e.SIGNET_DRAIN_DELAY_SECONDS ?? 0) * 1000),
    shutdownGraceMs: (e.SIGNET_SHUTDOWN_GRACE_SECONDS ?? 10) * 1000,
    deliveryRetentionDays: e.SIGNET_DELIVERY_RETENTION_DAYS ?? 30,
    allowPrivateTargets: e.SIGNET_ALLOW_PRIVATE_TARGETS === "1",
    jobsEnabled: e.SIGNET_JOBS !== "off",
    nodeEnv: e.NODE_ENV ?? "development",
  };
}

/** SIGNET_LOG_LEVEL for the logger; an invalid value logs at info here and stops the app in getConfig(). */
export function logLevelFromEnv(env: Env = process.env): LogLevel {
  // Per log line, so no zod here: a plain look-up in the same list.
  const value = env.SIGNET_LOG_LEVEL?.trim() as LogLevel | undefined;
  return value !== undefined && ZLogLevel.options.includes(value) ? value : "info";
}

/**
 * Whether responses carry Strict-Transport-Security: in production unless SIGNET_HSTS=off.
 * next.config.ts asks when the app is built (pages keep the build's answer); the webhook
 * front asks at run time.
 */
export function hstsFromEnv(env: Env = process.env): boolean {
  return env.NODE_ENV === "production" && env.SIGNET_HSTS?.trim() !== "off";
}

/** SIGNET_MIGRATIONS_DIR, or undefined for prisma/migrations under the working directory. */
export function migrationsDirFromEnv(env: Env = process.env): string | undefined {
  return env.SIGNET_MIGRATIONS_DIR?.trim() || undefined;
}

let cached: AppConfig | undefined;

/** The process's configuration, validated on first use; throws ConfigError when invalid. */
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}
