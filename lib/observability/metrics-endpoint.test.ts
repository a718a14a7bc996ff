import { describe, expect, it } from "vitest";
import { bearerMatches, metricsAnswer } from "./metrics-endpoint";

const TOKEN = "a-long-enough-metrics-token";

describe("metricsAnswer", () => {
  it("is off (404) while no token is configured, whatever the request says", async () => {
    expect((await metricsAnswer(`Bearer ${TOKEN}`, null)).status).toBe(404);
    expect((await metricsAnswer(undefined, null)).body).not.toMatch(/signet_|process_/);
  });

  it("asks for the bearer token (401) and tells nothing without it", async () => {
    for (const authorization of [undefined, "", "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      const answer = await metricsAnswer(authorization, TOKEN);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.headers["WWW-Authenticate"]).toBe('Bearer realm="metrics"');
      expect(answer.body).not.toMatch(/signet_|process_/);
    }
  });

  it("answers the Prometheus text, the app's metrics included before any traffic", async () => {
    const answer = await metricsAnswer(`bearer   ${TOKEN}`, TOKEN);
    expect(answer.status).toBe(200);
    expect(answer.headers["Content-Type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toMatch(/^# TYPE signet_webhook_requests_total counter$/m);
    expect(answer.body).toMatch(/^# TYPE signet_group_commit_batch_size histogram$/m);
    expect(answer.body).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe("bearerMatches", () => {
  it("matches the exact token only", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
    expect(bearerMatches("Bearer ", "")).toBe(false);
  });
});
