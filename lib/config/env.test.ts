import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, hstsFromEnv, loadConfig, logLevelFromEnv, migrationsDirFromEnv } from "./env";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");
const SECRET = "s".repeat(40);
const PG = "postgres://signet:hunter2@db.internal:5432/signet";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "signet-config-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    const config = loadConfig({ SIGNET_DATA_DIR: dir, AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A });
    expect(config).toMatchObject({
      databaseUrl: null,
      dataDir: dir,
      authSecret: SECRET,
      port: 3000,
      hostname: "0.0.0.0",
      publicUrl: "http://localhost:3000",
      hookBodyLimitBytes: 1024 * 1024,
      hookRateLimitPerMinute: 600,
      dbPoolSize: 10,
      directLinkRateLimitPerMinute: 60,
      sessionApiRateLimitPerMinute: 300,
      metricsToken: null,
      drainDelayMs: 0,
      shutdownGraceMs: 10_000,
      deliveryRetentionDays: 30,
      nodeEnv: "development",
    });
    expect(config.trustedProxies.has("127.0.0.1")).toBe(false);
    expect(config.appKeys).toEqual([{ id: "default", key: Buffer.alloc(32, 1) }]);
  });

  it("resolves the data directory to an absolute path, ./data by default", () => {
    const config = loadConfig({ AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A });
    expect(config.dataDir).toBe(join(process.cwd(), "data"));
  });

  it("reads every variable", () => {
    const config = loadConfig({
      DATABASE_URL: PG,
      AUTH_SECRET: SECRET,
      SIGNET_APP_KEY: KEY_A,
      PORT: "8080",
      HOSTNAME: "127.0.0.1",
      SIGNET_PUBLIC_URL: "https://signet.example.com/",
      SIGNET_HOOK_BODY_LIMIT: "2048",
      SIGNET_HOOK_RATE_LIMIT: "5",
      SIGNET_DB_POOL: "3",
      SIGNET_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8",
      SIGNET_DIRECT_LINK_RATE_LIMIT: "7",
      SIGNET_SESSION_API_RATE_LIMIT: "8",
      SIGNET_METRICS_TOKEN: "m".repeat(32),
      SIGNET_DRAIN_DELAY_SECONDS: "1.5",
      SIGNET_SHUTDOWN_GRACE_SECONDS: "20",
      SIGNET_DELIVERY_RETENTION_DAYS: "7",
      NODE_ENV: "production",
      SIGNET_LOG_LEVEL: "warn",
      SIGNET_HSTS: "off",
    });
    expect(config).toMatchObject({
      databaseUrl: PG,
      port: 8080,
      hostname: "127.0.0.1",
      publicUrl: "https://signet.example.com",
      hookBodyLimitBytes: 2048,
      hookRateLimitPerMinute: 5,
      dbPoolSize: 3,
      directLinkRateLimitPerMinute: 7,
      sessionApiRateLimitPerMinute: 8,
      metricsToken: "m".repeat(32),
      drainDelayMs: 1500,
      shutdownGraceMs: 20_000,
      deliveryRetentionDays: 7,
      nodeEnv: "production",
    });
    expect(config.trustedProxies.has("10.20.30.40")).toBe(true);
    expect(config.trustedProxies.has("192.168.0.1")).toBe(false);
  });

  it("sends HSTS in production unless SIGNET_HSTS=off; the logger's level survives an invalid value", () => {
    expect(hstsFromEnv({ NODE_ENV: "production" })).toBe(true);
    expect(hstsFromEnv({ NODE_ENV: "production", SIGNET_HSTS: "on" })).toBe(true);
    expect(hstsFromEnv({ NODE_ENV: "production", SIGNET_HSTS: "off" })).toBe(false);
    expect(hstsFromEnv({ NODE_ENV: "development" })).toBe(false);
    expect(logLevelFromEnv({ SIGNET_LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevelFromEnv({ SIGNET_LOG_LEVEL: "loud" })).toBe("info");
    expect(migrationsDirFromEnv({ SIGNET_MIGRATIONS_DIR: " " })).toBeUndefined();
  });

  it("derives the public URL from PORT", () => {
    expect(loadConfig({ SIGNET_DATA_DIR: dir, PORT: "4000", AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A }).publicUrl).toBe("http://localhost:4000");
  });

  it("treats empty variables as unset", () => {
    const config = loadConfig({ SIGNET_DATA_DIR: dir, DATABASE_URL: "", PORT: " ", AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A });
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(3000);
  });

  it("accepts a rotation list whose first key is current", () => {
    const config = loadConfig({ SIGNET_DATA_DIR: dir, AUTH_SECRET: SECRET, SIGNET_APP_KEY: `k2:${KEY_B}, default:${KEY_A}` });
    expect(config.appKeys.map((k) => k.id)).toEqual(["k2", "default"]);
    expect(config.appKeys[0]!.key).toEqual(Buffer.alloc(32, 2));
  });

  it.each([
    ["DATABASE_URL", "mysql://u:hunter2@h/db", /DATABASE_URL must be a PostgreSQL URL/],
    ["DATABASE_URL", "not a url", /DATABASE_URL must be a PostgreSQL URL/],
    ["PORT", "70000", /PORT must be a port number/],
    ["PORT", "abc", /PORT must be a port number/],
    ["SIGNET_HOOK_BODY_LIMIT", "0", /SIGNET_HOOK_BODY_LIMIT must be a positive number of bytes/],
    ["SIGNET_HOOK_RATE_LIMIT", "1.5", /SIGNET_HOOK_RATE_LIMIT must be a positive number/],
    ["SIGNET_DELIVERY_RETENTION_DAYS", "0", /SIGNET_DELIVERY_RETENTION_DAYS must be a whole number of days between 1 and 3650/],
    ["SIGNET_DELIVERY_RETENTION_DAYS", "thirty", /SIGNET_DELIVERY_RETENTION_DAYS must be a whole number of days/],
    ["SIGNET_PUBLIC_URL", "ftp://x", /SIGNET_PUBLIC_URL must be an http\(s\) URL/],
    ["NODE_ENV", "staging", /NODE_ENV must be development, production or test/],
    ["SIGNET_LOG_LEVEL", "loud", /SIGNET_LOG_LEVEL must be debug, info, warn or error/],
    ["SIGNET_HSTS", "no", /SIGNET_HSTS must be on or off/],
    ["SIGNET_TRUSTED_PROXIES", "10.0.0.0/40", /SIGNET_TRUSTED_PROXIES "10.0.0.0\/40" has a prefix length outside 0–32/],
    ["SIGNET_TRUSTED_PROXIES", "proxy.internal", /SIGNET_TRUSTED_PROXIES "proxy.internal" is not an IP address/],
    ["SIGNET_METRICS_TOKEN", "short", /SIGNET_METRICS_TOKEN must be at least 16 characters/],
    ["SIGNET_DIRECT_LINK_RATE_LIMIT", "0", /SIGNET_DIRECT_LINK_RATE_LIMIT must be a positive number/],
    ["SIGNET_DRAIN_DELAY_SECONDS", "-1", /SIGNET_DRAIN_DELAY_SECONDS must be 0 or more seconds/],
    ["AUTH_SECRET", "short", /AUTH_SECRET must be at least 32 characters; make one with `openssl rand -base64 32`/],
    ["SIGNET_APP_KEY", Buffer.alloc(16).toString("base64"), /SIGNET_APP_KEY key "default" must be the base64 of exactly 32 bytes/],
    ["SIGNET_APP_KEY", "%%%", /SIGNET_APP_KEY .*32 bytes/],
    ["SIGNET_APP_KEY", `a:${KEY_A},a:${KEY_B}`, /SIGNET_APP_KEY key id "a" appears twice/],
    ["SIGNET_APP_KEY", `a:${KEY_A},${KEY_B}`, /SIGNET_APP_KEY entry 2 has no id/],
  ])("rejects %s=%s with a message naming it", (name, value, message) => {
    const env = { SIGNET_DATA_DIR: dir, AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A, [name]: value };
    expect(configError(env).message).toMatch(message);
  });

  it("never echoes a database password in its messages", () => {
    expect(configError({ DATABASE_URL: "mysql://u:hunter2@h/db" }).message).not.toContain("hunter2");
  });

  it("reports every problem at once", () => {
    const message = configError({ SIGNET_DATA_DIR: dir, PORT: "x", NODE_ENV: "y", AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A }).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/NODE_ENV/);
  });
});

describe("secrets", () => {
  it("with DATABASE_URL, refuses to start without them and says how to make one", () => {
    const message = configError({ DATABASE_URL: PG }).message;
    expect(message).toMatch(/AUTH_SECRET is required with DATABASE_URL.*openssl rand -base64 32/);
    expect(message).toMatch(/SIGNET_APP_KEY is required with DATABASE_URL.*openssl rand -base64 32/);
    expect(configError({ DATABASE_URL: PG, AUTH_SECRET: SECRET }).message).not.toMatch(/AUTH_SECRET/);
  });

  it("on the embedded database, generates them once into secrets.json (0600, dir 0700) and reuses them", () => {
    const dataDir = join(dir, "data");
    const first = loadConfig({ SIGNET_DATA_DIR: dataDir });
    const file = join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.appKeys[0]!.key).toHaveLength(32);

    const second = loadConfig({ SIGNET_DATA_DIR: dataDir });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.appKeys).toEqual(first.appKeys);
  });

  it("lets a variable override the stored secret without losing the other", () => {
    const first = loadConfig({ SIGNET_DATA_DIR: dir });
    const overridden = loadConfig({ SIGNET_DATA_DIR: dir, AUTH_SECRET: SECRET });
    expect(overridden.authSecret).toBe(SECRET);
    expect(overridden.appKeys).toEqual(first.appKeys);
  });

  it("does not write secrets.json when both are given", () => {
    loadConfig({ SIGNET_DATA_DIR: dir, AUTH_SECRET: SECRET, SIGNET_APP_KEY: KEY_A });
    expect(() => statSync(join(dir, "secrets.json"))).toThrow();
  });

  it("refuses a corrupt secrets.json instead of silently replacing the keys", () => {
    writeFileSync(join(dir, "secrets.json"), "{not json");
    expect(configError({ SIGNET_DATA_DIR: dir }).message).toMatch(/secrets\.json is not valid JSON/);
    expect(readFileSync(join(dir, "secrets.json"), "utf8")).toBe("{not json");
  });
});
