import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZHmacSettings, type THmacSettings } from "@/lib/hmac/schemas";
import { generateSecret } from "@/lib/hmac/signing-secrets";
import { verifySignature } from "@/lib/hmac/verify";
import { embedSnippet } from "./embed-snippet";

// Runs the embed snippet for real against a stand-in hook that verifies with lib/hmac and
// answers like Signet's (201 { sessionUrl }), and checks the iframe it prints.

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

async function runEmbed(settings: THmacSettings, secret: string, signWith = secret) {
  const received: string[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const ok = !settings.enabled || verifySignature({ settings, headers: req.headers, body, secrets: [{ id: "s", value: secret }] }).kind === "ok";
    received.push(body.toString("utf8"));
    res.writeHead(ok ? 201 : 401, { "Content-Type": "application/json" });
    res.end(JSON.stringify(ok ? { sessionId: "ses_1", sessionUrl: "http://localhost:3100/s/tok_abc", test: false } : { error: "Authentication failed", code: "signature_mismatch" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const dir = mkdtempSync(join(tmpdir(), "signet-embed-"));
  try {
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hooks/hk_1`;
    writeFileSync(join(dir, "embed.js"), embedSnippet({ settings, hookUrl, secret: signWith, sampleBody: '{"email":"ada@example.com","name":"Ada"}' }));
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile("node", [join(dir, "embed.js")], { timeout: 20_000 }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr })),
    );
    return { ...result, received };
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("embedSnippet", () => {
  it("signs the user's data server-side and prints an embed=1 iframe for the session", async () => {
    const secret = generateSecret("whsec");
    const { code, stdout, received } = await runEmbed(ZHmacSettings.parse({ scheme: "standard-webhooks", enabled: true }), secret);
    expect(code).toBe(0);
    expect(JSON.parse(received[0]!)).toEqual({ email: "ada@example.com", name: "Ada" });
    expect(stdout.trim()).toBe('<iframe id="signet-form" src="http://localhost:3100/s/tok_abc?embed=1" title="Form" style="width: 100%; height: 640px; border: 0"></iframe>');
  }, 30_000);

  it("fails loudly with Signet's answer when the signature is refused", async () => {
    const { code, stderr } = await runEmbed(ZHmacSettings.parse({ scheme: "prefixed-hex", enabled: true }), "right-secret-123", "wrong-secret-123");
    expect(code).toBe(1);
    expect(stderr).toContain("Signet answered 401");
  }, 30_000);

  it("sends no signature headers when HMAC is off", () => {
    const code = embedSnippet({ settings: ZHmacSettings.parse({ scheme: "prefixed-hex", enabled: false }), hookUrl: "http://x", secret: "s", sampleBody: "{}" });
    expect(code).toContain("HMAC is off");
    expect(code).not.toContain("createHmac");
  });
});
