import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from "prom-client";
import { openPools } from "@/lib/db/pool-registry";

// The process's Prometheus registry (GET /metrics, see metrics-endpoint.ts). One per process,
// on globalThis: the lean front (server/) and Next's bundle both load this module, and a
// metric defined twice would either throw or split its counts. Other domains add theirs with
// defineCounter/defineGauge/defineHistogram, which return the existing metric when the name is
// already registered (e.g. a queue: defineGauge({ name: "signet_jobs_queued", … })).

const holder = globalThis as { __signetMetricsRegistry?: Registry };

export function metricsRegistry(): Registry {
  if (!holder.__signetMetricsRegistry) {
    const registry = new Registry();
    // Process memory (resident, heap), CPU, event-loop delay, GC, handles.
    collectDefaultMetrics({ register: registry });
    holder.__signetMetricsRegistry = registry;
  }
  return holder.__signetMetricsRegistry;
}

function define<M>(name: string, make: (registry: Registry) => M): M {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as M | undefined) ?? make(registry);
}

export function defineCounter<L extends string>(config: Omit<CounterConfiguration<L>, "registers">): Counter<L> {
  return define(config.name, (registry) => new Counter({ ...config, registers: [registry] }));
}

export function defineGauge<L extends string>(config: Omit<GaugeConfiguration<L>, "registers">): Gauge<L> {
  return define(config.name, (registry) => new Gauge({ ...config, registers: [registry] }));
}

export function defineHistogram<L extends string>(config: Omit<HistogramConfiguration<L>, "registers">): Histogram<L> {
  return define(config.name, (registry) => new Histogram({ ...config, registers: [registry] }));
}

// --- The app's own metrics --------------------------------------------------------------------

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const webhookMetrics = () => ({
  requests: defineCounter({
    name: "signet_webhook_requests_total",
    help: "Requests to POST /api/hooks/{hookId} by outcome (accepted, duplicate, rejected, error) and reason code.",
    labelNames: ["outcome", "reason"] as const,
  }),
  duration: defineHistogram({
    name: "signet_webhook_request_duration_seconds",
    help: "Time from a webhook request's arrival to its answer (after the commit for a 2xx), by outcome.",
    labelNames: ["outcome"] as const,
    buckets: LATENCY_BUCKETS,
  }),
  batchSize: defineHistogram({
    name: "signet_group_commit_batch_size",
    help: "Accepted webhook requests written by one group-commit transaction.",
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  }),
});

/** Connections of each PostgreSQL pool of this process (none on the embedded database). */
export function registerPoolMetrics(): void {
  define("signet_db_pool_connections", (registry) =>
    new Gauge({
      name: "signet_db_pool_connections",
      help: "PostgreSQL pool connections by pool (prisma, hot-path) and state (total, idle, waiting = callers queued for one).",
      labelNames: ["pool", "state"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const { name, pool } of openPools()) {
          this.inc({ pool: name, state: "total" }, pool.totalCount);
          this.inc({ pool: name, state: "idle" }, pool.idleCount);
          this.inc({ pool: name, state: "waiting" }, pool.waitingCount);
        }
      },
    }),
  );
}

// Completion webhooks (lib/outbound-webhooks). Attempts are counted by the instance that made
// them; the queue's depth is one count over the shared outbox, so every instance reports the same.

const ATTEMPT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

export const outboundMetrics = () => ({
  attempts: defineCounter({
    name: "signet_outbound_attempts_total",
    help: "Completion-webhook attempts by result: delivered (2xx), retry (failed, due again later), failed (out of retries).",
    labelNames: ["result"] as const,
  }),
  duration: defineHistogram({
    name: "signet_outbound_attempt_duration_seconds",
    help: "Time from an attempt's start to the receiver's answer or the error (at most the 15 s timeout).",
    buckets: ATTEMPT_BUCKETS,
  }),
});

/** The outbox's pending messages, due now (the queue's depth) and scheduled later, read at each scrape. */
export function registerOutboundQueueMetrics(countPending: () => Promise<{ due: number; scheduled: number }>): void {
  defineGauge({
    name: "signet_outbound_messages_pending",
    help: "Pending completion-webhook messages: due = waiting for an attempt now, scheduled = waiting for a later retry.",
    labelNames: ["state"] as const,
    async collect() {
      const { due, scheduled } = await countPending();
      this.set({ state: "due" }, due);
      this.set({ state: "scheduled" }, scheduled);
    },
  });
}
