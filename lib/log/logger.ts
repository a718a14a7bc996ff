// Structured JSON-lines logger. Values under keys that look secret are redacted, and Error
// objects are reduced to name/message/stack so no request body or secret rides along.

import { logLevelFromEnv, type LogLevel as Level } from "@/lib/config/env";

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /secret|password|token|signature|authorization|cookie|key/i;

let everyLineToStderr = false;

/** Command-line tools keep stdout for their results (e.g. `TOKEN=$(signet token:create …)`). */
export function sendLogsToStderr(): void {
  everyLineToStderr = true;
}

function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 4) return "[depth]";
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : sanitize(v, depth + 1);
    return out;
  }
  return value;
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < LEVELS[logLevelFromEnv()]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(sanitize(fields) as object) });
  const toStderr = level === "error" || level === "warn" || everyLineToStderr;
  (toStderr ? process.stderr : process.stdout).write(line + "\n");
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
