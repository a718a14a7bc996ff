import { getDatabase } from "@/lib/db/client";
import { hookSql } from "@/lib/db/hot-path-sql";
import { defaultMigrationsDir, readMigrationFolders } from "@/lib/db/migration-files";
import { isDraining } from "@/lib/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";

// GET /readyz: may a balancer send this instance work? Not while it drains (SIGTERM), not when
// the database does not answer within CHECK_TIMEOUT_MS, and not when a migration this build
// ships is not applied (a half-finished rolling upgrade). One query answers the last two. The
// answer is shared by concurrent callers and kept for CACHE_MS, so a flood of probes costs at
// most one query a second. The body names the failing check and nothing else.

export type Readiness = { ready: true } | { ready: false; reason: "draining" | "database" | "migrations" };

const CHECK_TIMEOUT_MS = 2_000;
const CACHE_MS = 1_000;

let expected: Promise<string[]> | undefined;
let last: { at: number; answer: Promise<Readiness> } | undefined;

async function check(): Promise<Readiness> {
  expected ??= readMigrationFolders(defaultMigrationsDir()).then((folders) => folders.map((f) => f.name));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), CHECK_TIMEOUT_MS)));
  try {
    const applied = await Promise.race([
      (async () => {
        const { prisma } = await getDatabase();
        return hookSql(prisma).query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [],
        );
      })(),
      timeout,
    ]);
    if (applied === "timeout") return { ready: false, reason: "database" };
    const names = new Set(applied.map((r) => r.migration_name));
    return (await expected).every((name) => names.has(name)) ? { ready: true } : { ready: false, reason: "migrations" };
  } catch (error) {
    logger.warn("readiness_check_failed", { error });
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(now = Date.now()): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "draining" };
  if (!last || now - last.at >= CACHE_MS) last = { at: now, answer: check() };
  return last.answer;
}
