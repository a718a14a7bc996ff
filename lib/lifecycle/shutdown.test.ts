import { describe, expect, it, vi } from "vitest";
import { isDraining, markDraining, onShutdown, runShutdownHooks } from "./shutdown";

describe("shutdown hooks", () => {
  it("runs every registered hook at once, waits for all, survives a failing one, and runs each only once", async () => {
    const order: string[] = [];
    let finishJobs!: () => void;
    onShutdown("jobs", () => new Promise<void>((resolve) => (finishJobs = () => (order.push("jobs"), resolve()))));
    onShutdown("broken", () => {
      throw new Error("boom");
    });
    const removed = vi.fn();
    onShutdown("removed", removed)();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const done = runShutdownHooks().then(() => order.push("done"));
      await new Promise((r) => setTimeout(r, 10));
      expect(order).toEqual([]); // still waiting for the job runner's current job
      finishJobs();
      await done;
      expect(order).toEqual(["jobs", "done"]);
      expect(removed).not.toHaveBeenCalled();
      expect(stderr.mock.calls.some(([line]) => String(line).includes('"shutdown_hook_failed"'))).toBe(true);
      await runShutdownHooks(); // nothing left to run
      expect(order).toEqual(["jobs", "done"]);
    } finally {
      stderr.mockRestore();
    }
  });

  it("draining is a one-way switch readiness reads", () => {
    expect(isDraining()).toBe(false);
    markDraining();
    expect(isDraining()).toBe(true);
  });
});
