// The pipeline over real HTTP: a node:http server serving handleHookRequest through the same
// adapter a lean front would use, and requests sent with fetch and raw sockets.
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveNodeHookRequest } from "@/lib/inbound-webhooks/node-hook-handler";
import { signRequest } from "@/lib/hmac/sign";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { addSecret, bytesOf, CUSTOMER_JSON, hmacSettings, makeDeps, makeOwner, publishedHook } from "./hook-test-kit";

const db = useTestDatabase();
let server: Server;
let base: string;
let owner: Awaited<ReturnType<typeof makeOwner>>;
const LIMIT = 4096;

beforeAll(async () => {
  owner = await makeOwner(db);
  const deps = makeDeps(db, { limitBytes: LIMIT, perMinute: 100_000 });
  server = createServer((req, res) => {
    serveNodeHookRequest(deps, req, res).then((served) => {
      if (!served) res.writeHead(404).end();
    }, () => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("over HTTP", () => {
  it("every scheme: a signed POST answers 201 with a session URL, an unsigned one 401", async () => {
    for (const scheme of ["prefixed-hex", "plain-hex", "standard-webhooks", "stripe", "slack", "github", "shopify"] as const) {
      const settings = hmacSettings({ scheme });
      const hook = await publishedHook(db, owner, settings);
      const { secret } = await addSecret(db, owner, hook.workflowId);
      const headers = { "Content-Type": "application/json", ...signRequest({ settings, secret, body: bytesOf(CUSTOMER_JSON) }) };
      const ok = await fetch(`${base}/api/hooks/${hook.hookId}`, { method: "POST", headers, body: CUSTOMER_JSON });
      expect(ok.status, scheme).toBe(201);
      expect(ok.headers.get("content-type")).toBe("application/json");
      expect(await ok.json()).toMatchObject({ test: false, sessionUrl: expect.stringContaining("/s/") });
      const unsigned = await fetch(`${base}/api/hooks/${hook.hookId}?test=true`, { method: "POST", headers: { "Content-Type": "application/json" }, body: CUSTOMER_JSON });
      expect(unsigned.status, scheme).toBe(401);
      expect(await unsigned.json()).toMatchObject({ code: "signature_missing", error: expect.stringContaining("Authentication failed") });
    }
  });

  it("a form-urlencoded Slack request", async () => {
    const settings = hmacSettings({ scheme: "slack" });
    const hook = await publishedHook(db, owner, settings, {
      steps: [{ type: "form", id: "s", title: "S", fields: [{ type: "text", key: "user", label: "User", required: true }] }],
      mapping: [{ from: "user_name", to: "user" }],
    });
    const { secret } = await addSecret(db, owner, hook.workflowId);
    const body = "team_id=T1&user_name=Ren%C3%A9e+%E5%B1%B1%E7%94%B0&command=%2Fstart";
    const headers = { "Content-Type": "application/x-www-form-urlencoded", ...signRequest({ settings, secret, body: bytesOf(body) }) };
    const response = await fetch(`${base}/api/hooks/${hook.hookId}?test=true`, { method: "POST", headers, body });
    expect(response.status).toBe(201);
    const { sessionId, test } = (await response.json()) as { sessionId: string; test: boolean };
    expect(test).toBe(true);
    expect((await db.prisma.session.findUnique({ where: { id: sessionId } }))!.data).toEqual({ user: "Renée 山田" });
  });

  it("405 with Allow for GET, 404 for an unknown hook, 415 for text/plain", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const get = await fetch(`${base}/api/hooks/${hook.hookId}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/api/hooks/nope`, { method: "POST", body: "{}" })).status).toBe(404);
    const text = await fetch(`${base}/api/hooks/${hook.hookId}`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "hi" });
    expect(text.status).toBe(415);
  });

  it("a chunked body one byte over the limit is 413, and the connection is closed after a short linger", async () => {
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1");
    const reply = new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
    });
    socket.write(`POST /api/hooks/${hook.hookId} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const over = "x".repeat(LIMIT + 1);
    socket.write(`${over.length.toString(16)}\r\n${over}\r\n`);
    // The sender never finishes; the server must answer anyway.
    const text = await reply;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"code":"payload_too_large"');
  });

  it("a client still uploading past the limit finishes without a write error and reads its 413", async () => {
    // Closing the socket while the client is sending makes its writes fail (EPIPE/reset), and
    // many clients then report that error instead of reading our 413. The server lingers,
    // discarding up to 16 MiB for up to 2 s, so an ordinary oversized upload ends cleanly.
    const settings = hmacSettings({ scheme: "prefixed-hex" });
    const hook = await publishedHook(db, owner, settings);
    const { port } = server.address() as AddressInfo;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let attempt = 0; attempt < 4; attempt++) {
      const socket = connect(port, "127.0.0.1");
      let clientError: string | null = null;
      const reply = new Promise<string>((resolve) => {
        let text = "";
        socket.on("data", (data) => (text += data.toString("latin1")));
        socket.on("close", () => resolve(text));
        socket.on("error", (error: NodeJS.ErrnoException) => {
          clientError = error.code ?? error.message;
          resolve(text);
        });
      });
      socket.write(`POST /api/hooks/${hook.hookId} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      // 10 MiB, far past the limit, in 1 MiB writes with short pauses as a real upload has.
      for (let i = 0; i < 10 && !socket.destroyed; i++) {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write("\r\n");
        await new Promise((r) => setTimeout(r, 5));
      }
      if (!socket.destroyed) socket.end("0\r\n\r\n");
      expect(await reply, `attempt ${attempt}`).toMatch(/^HTTP\/1\.1 413 /);
      expect(clientError, `attempt ${attempt}`).toBeNull();
    }
  });
});
