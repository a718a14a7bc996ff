// `npm run signet -- deliveries:prune` as an operator runs it, on PGlite (a data directory)
// and PostgreSQL: rows older than SIGNET_DELIVERY_RETENTION_DAYS go, newer ones stay.
import { expect, it } from "vitest";
import { useCliDatabase } from "@/tests/helpers/cli-database";
import { insertDeliveries, ownerOf, publishedWorkflow, DAY } from "./insights-test-kit";

const cli = useCliDatabase();

it("deletes the deliveries past the retention and says how many", { timeout: 180_000 }, async () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const wf = await cli.withDb(async (db) => {
    const owner = await ownerOf(db);
    const created = await publishedWorkflow(db, owner);
    await insertDeliveries(db, created.id, [
      { receivedAt: ago(11), test: false, outcome: "rejected", reasonCode: "signature_mismatch" },
      { receivedAt: ago(20), test: true, outcome: "accepted", reasonCode: "accepted" },
      { receivedAt: ago(9), test: false, outcome: "accepted", reasonCode: "accepted" },
    ]);
    return created;
  });

  const pruned = await cli.signet(["deliveries:prune"], { SIGNET_DELIVERY_RETENTION_DAYS: "10" });
  expect(pruned.code, pruned.stderr).toBe(0);
  expect(pruned.stdout).toMatch(/^deleted 2 delivery rows received before \S+ \(10 days\)/);

  const left = await cli.withDb((db) => db.prisma.delivery.findMany({ where: { workflowId: wf.id }, select: { receivedAt: true } }));
  expect(left).toHaveLength(1);
  expect(left[0]!.receivedAt.getTime()).toBeGreaterThan(ago(10).getTime());
});
