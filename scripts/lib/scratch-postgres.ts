// A throwaway PostgreSQL database on a server, for test suites and the benchmark: created
// under a random name and dropped afterwards, so runs never share or leak state.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ScratchPostgres {
  databaseUrl: string;
  drop(): Promise<void>;
}

/** `serverUrl` is an admin URL (any database on the server); `prefix` names the purpose. */
export async function createScratchPostgres(serverUrl: string, prefix = "signet_test"): Promise<ScratchPostgres> {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`scratch database prefix must be lowercase letters and _: ${prefix}`);
  // Lowercase hex only: safe to splice into DDL, which takes no bind parameters.
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () =>
      withAdmin(serverUrl, async (admin) => {
        // A leaked pool connection (or a killed app's) would otherwise make DROP DATABASE fail.
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

async function withAdmin<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
