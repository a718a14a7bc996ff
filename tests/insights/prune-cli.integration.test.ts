// `npm run signet -- deliveries:prune` as an operator runs it, on PGlite (a data directory)
// and PostgreSQL: rows older than SIGNET_DELIVERY_RETENTION_DAYS go, newer ones stay.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createTestDb } from "@/tests/helpers/test-db";
import { insertDeliveries, ownerOf, publishedWorkflow, DAY } from "./insights-test-kit";

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it("deletes the deliveries past the retention and says how many", { timeout: 180_000 }, async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: randomBytes(32).toString("base64"), SIGNET_APP_KEY: randomBytes(32).toString("base64"), SIGNET_DELIVERY_RETENTION_DAYS: "10" };
  delete env.SIGNET_LOG_LEVEL;
  let open: () => Promise<Database>;
  if (process.env.TEST_DATABASE_URL) {
    const db = await createTestDb();
    cleanups.push(() => db.close());
    env.DATABASE_URL = db.databaseUrl!;
    open = async () => db;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), "signet-prune-cli-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    delete env.DATABASE_URL;
    env.SIGNET_DATA_DIR = dataDir;
    open = () => openDatabase({ dataDir });
  }

  // PGlite: one process per data directory, so the test closes it before the CLI runs.
  let db = await open();
  const owner = await ownerOf(db);
  const wf = await publishedWorkflow(db, owner);
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  await insertDeliveries(db, wf.id, [
    { receivedAt: ago(11), test: false, outcome: "rejected", reasonCode: "signature_mismatch" },
    { receivedAt: ago(20), test: true, outcome: "accepted", reasonCode: "accepted" },
    { receivedAt: ago(9), test: false, outcome: "accepted", reasonCode: "accepted" },
  ]);
  if (!process.env.TEST_DATABASE_URL) await db.close();

  const { stdout } = await run("npx", ["tsx", "scripts/signet.ts", "deliveries:prune"], { env, timeout: 120_000 });
  expect(stdout).toMatch(/^deleted 2 delivery rows received before \S+ \(10 days\)/);

  db = process.env.TEST_DATABASE_URL ? db : await open();
  const left = await db.prisma.delivery.findMany({ where: { workflowId: wf.id }, select: { receivedAt: true } });
  expect(left).toHaveLength(1);
  expect(left[0]!.receivedAt.getTime()).toBeGreaterThan(ago(10).getTime());
  if (!process.env.TEST_DATABASE_URL) await db.close();
});
