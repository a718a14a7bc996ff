// Signet's admin CLI: `npm run signet -- <command> [args]`.
// Each command is one entry in COMMANDS; add new ones there (user:create, token:create).
import { sendLogsToStderr } from "../lib/log/logger";
import { getConfig, ConfigError } from "../lib/config/env";
import { describeDatabaseUrl } from "../lib/db/database-url";
import { MigrationError } from "../lib/db/migrate";
import { DatabaseInUseError } from "../lib/db/pglite-lock";
import { openDatabase } from "../lib/db/open-database";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createApiTokenForEmail } from "../lib/api-tokens/create-token-for-email";
import { signUp } from "../lib/auth/sign-up";
import { pruneDeliveries } from "../lib/delivery-log/prune-deliveries";
import { isAppError } from "../lib/errors/app-error";
import { zodIssues } from "../lib/errors/zod-issues";
import type { PrismaClient } from "../lib/generated/prisma/client";

// stdout carries the command's result alone; logs go to stderr.
sendLogsToStderr();

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  "db:migrate": {
    usage: "db:migrate",
    summary: "apply pending migrations to the configured database (PGlite in SIGNET_DATA_DIR, or DATABASE_URL)",
    run: async () => {
      const config = getConfig();
      const where = config.databaseUrl ? `PostgreSQL at ${describeDatabaseUrl(config.databaseUrl)}` : `PGlite in ${config.dataDir}`;
      // openDatabase migrates before it returns; opening is all this command has to do.
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
      try {
        const { applied, alreadyApplied } = db.migrations;
        if (applied.length === 0) console.log(`${where}: up to date (${alreadyApplied} migrations applied earlier)`);
        else console.log(`${where}: applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join("\n")}`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  "user:create": {
    usage: "user:create --email <email> --password <password> [--name <name>]",
    summary: "create a user with a personal workspace (they can then sign in)",
    run: (args) =>
      withCliInput(args, { email: true, password: true, name: false }, async (opts, db) => {
        const user = await signUp(db, { email: opts.email, password: opts.password, name: opts.name });
        console.log(`created user ${user.email} (id ${user.userId}) with personal workspace ${user.workspaceId}`);
      }),
  },
  "token:create": {
    usage: "token:create --email <email> [--name <name>] [--workspace <id>]",
    summary: "create an API token for a user (their personal workspace unless --workspace); prints it once",
    run: (args) =>
      withCliInput(args, { email: true, name: false, workspace: false }, async (opts, db) => {
        const created = await createApiTokenForEmail(db, { email: opts.email!, name: opts.name, workspaceId: opts.workspace });
        // The token alone on stdout, so `TOKEN=$(npm run -s signet -- token:create …)` works.
        console.error(`API token "${created.name}" for ${created.email} in workspace "${created.workspace.name}" (${created.workspace.id}, role ${created.role}).`);
        console.error("It is shown only now; store it somewhere safe. Use it as: Authorization: Bearer <token>");
        console.log(created.token);
      }),
  },
  "deliveries:prune": {
    usage: "deliveries:prune",
    summary: "delete delivery-log rows older than SIGNET_DELIVERY_RETENTION_DAYS (default 30), in small batches",
    run: (args) =>
      withCliInput(args, {}, async (_opts, db) => {
        const retentionDays = getConfig().deliveryRetentionDays;
        const result = await pruneDeliveries(db, { retentionDays });
        console.log(`deleted ${result.deliveries} delivery rows received before ${result.cutoff.toISOString()} (${retentionDays} days), and ${result.hourlyCounts} hourly counts`);
      }),
  },
};

/**
 * Parses `--flag value` options (all strings; `required` ones must be present), opens the
 * configured database and runs `fn`. Mistakes in the input (unknown flag, invalid email,
 * taken email) print a one-line message and exit 1 instead of a stack trace.
 */
async function withCliInput<K extends string>(
  args: string[],
  spec: Record<K, boolean>,
  fn: (opts: Partial<Record<K, string>> & Record<string, string | undefined>, db: PrismaClient) => Promise<void>,
): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    const options = Object.fromEntries(Object.keys(spec).map((k) => [k, { type: "string" as const }]));
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
    const missing = (Object.keys(spec) as K[]).filter((k) => spec[k] && !values[k]);
    if (missing.length > 0) throw new Error(`missing ${missing.map((k) => `--${k}`).join(", ")}`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  const config = getConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    await fn(values as Partial<Record<K, string>> & Record<string, string | undefined>, db.prisma);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) console.error(zodIssues(error).map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n"));
    else if (isAppError(error)) console.error(error.message);
    else throw error;
    return 1;
  } finally {
    await db.close();
  }
}

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `usage: npm run signet -- <command> [args]\n\ncommands:\n${lines.join("\n")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected failures get their message alone; anything else keeps its stack for debugging.
    if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DatabaseInUseError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
