import { logger } from "@/lib/log/logger";

// The process's shutdown state, shared by the lean front (server/), Next's bundle and
// background workers (on globalThis: both bundles load this module, the process is one).
// - draining: set on SIGTERM; /readyz then fails so balancers stop sending new work.
// - shutdown hooks: what must stop before the pools close, e.g. a job runner that finishes its
//   current job and takes no new one: `onShutdown("jobs", () => runner.stop())`.

type Hook = { name: string; run: () => Promise<void> | void };

const state = ((globalThis as { __signetLifecycle?: { draining: boolean; hooks: Hook[] } }).__signetLifecycle ??= { draining: false, hooks: [] });

export function isDraining(): boolean {
  return state.draining;
}

export function markDraining(): void {
  state.draining = true;
}

/**
 * Registers work to stop on shutdown; returns a function that unregisters it.
 * @public For the background domains (lib/jobs, lib/outbound-webhooks); no caller yet.
 */
export function onShutdown(name: string, run: () => Promise<void> | void): () => void {
  const hook = { name, run };
  state.hooks.push(hook);
  return () => {
    const i = state.hooks.indexOf(hook);
    if (i !== -1) state.hooks.splice(i, 1);
  };
}

/** Runs every hook at once and waits for all of them; a failing hook is logged, not fatal. */
export async function runShutdownHooks(): Promise<void> {
  const hooks = state.hooks.splice(0);
  await Promise.all(
    hooks.map(async (hook) => {
      try {
        await hook.run();
        logger.info("shutdown_hook_done", { hook: hook.name });
      } catch (error) {
        logger.error("shutdown_hook_failed", { hook: hook.name, error });
      }
    }),
  );
}
