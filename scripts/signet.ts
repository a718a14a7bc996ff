// Signet's admin CLI: `npm run signet -- <command> [args]`.
// Each command is one entry in COMMANDS; add new ones there (user:create, token:create).
import { getConfig, ConfigError } from "../lib/config/env";
import { describeDatabaseUrl } from "../lib/db/database-url";
import { MigrationError } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open-database";

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
  // "user:create": { usage: "user:create --email <email> [--name <name>]", summary: "...", run: ... },
  // "token:create": { usage: "token:create --email <email> --workspace <id> --name <name>", summary: "...", run: ... },
};

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
    if (error instanceof ConfigError || error instanceof MigrationError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
