// Several app instances on one PostgreSQL database behind nginx (deploy/nginx.conf), as
// docs/deploy.md describes, for the multi-instance and rolling-restart suites.
import { afterAll, beforeAll } from "vitest";
import { startNginx, type NginxProxy } from "@/scripts/lib/nginx-proxy";
import { lateBound } from "@/tests/helpers/late-bound";
import { appProcess, createAppStore, holdBuildLock, type AppProcess, type AppStore } from "@/tests/reliability/app-process";
import { createOwnerWithCli, type Owner } from "@/tests/reliability/journey";

export interface Cluster {
  store: AppStore;
  owner: Owner;
  apps: AppProcess[];
  nginx: NginxProxy;
  /** Where partners and browsers reach the app: nginx. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `instances` app processes on ports basePort+1… and nginx on basePort, all sharing one fresh
 * PostgreSQL database (TEST_DATABASE_URL). Holds the build lock until stop().
 */
async function startCluster(options: { instances: number; basePort: number; env?: Record<string, string> }): Promise<Cluster> {
  const store = await createAppStore();
  if (store.engine !== "postgres") throw new Error("a cluster needs PostgreSQL (TEST_DATABASE_URL)");
  const owner = createOwnerWithCli(store);
  const release = await holdBuildLock();
  const apps: AppProcess[] = [];
  let nginx: NginxProxy | undefined;
  const stop = async () => {
    await nginx?.stop();
    for (const app of apps) await app.stop();
    await release();
    await store.destroy();
  };
  try {
    const baseUrl = `http://127.0.0.1:${options.basePort}`;
    for (let i = 1; i <= options.instances; i++) {
      const app = appProcess(store, options.basePort + i, {
        // Links in answers point at the proxy, and the proxy's forwarded address is believed.
        SIGNET_PUBLIC_URL: baseUrl,
        SIGNET_TRUSTED_PROXIES: "127.0.0.1",
        SIGNET_LOG_LEVEL: "info",
        ...options.env,
      });
      apps.push(app);
      await app.start();
    }
    nginx = await startNginx({ upstreamPorts: apps.map((a) => a.port), port: options.basePort });
    return { store, owner, apps, nginx, baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The test file's cluster, started before its tests and stopped after them (as useAppProcess
 * does for single apps). Without TEST_DATABASE_URL nothing starts: the file's tests skip.
 */
export function useCluster(options: { instances: number; basePort: number; env?: Record<string, string> }): Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) cluster = await startCluster(options);
  }, 900_000);
  afterAll(async () => {
    await cluster?.stop();
    cluster = undefined;
  }, 120_000);
  return lateBound(() => cluster, "useCluster()'s cluster");
}
