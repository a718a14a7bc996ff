import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZHmacSettings, type THmacSettings } from "@/lib/hmac/schemas";
import { generateSecret } from "@/lib/hmac/signing-secrets";
import { verifySignature, type VerifyOutcome } from "@/lib/hmac/verify";
import { allSigningSnippets, signingSnippet } from "./signing-snippet";
import type { SnippetLanguage } from "./types";

// Runs the generated snippets for real (bash+openssl+curl, Node, Python, Java) against a local
// server that verifies with lib/hmac's verifySignature: the snippets are only right if the
// engine accepts what they send.

// A body that catches re-serialisation and escaping slips: newlines, quotes, a backslash, an
// apostrophe, a dollar sign and non-ASCII text.
const BODY = JSON.stringify({ customer: { name: "Zoë O'Brien \"Zo\"", path: "C:\\temp", note: "$HOME `x`" }, emoji: "🎉", n: 1 }, null, 2);
// Printable ASCII with the characters shells and string literals care about.
const UTF8_SECRET = `s3cr3t-it's-$HOME-"q"\\-\`x\`-whsec_`;

let server: Server;
let url: string;
let outcomes: VerifyOutcome[] = [];
let settingsNow: THmacSettings;
let secretNow = "";
const dir = mkdtempSync(join(tmpdir(), "signet-snippets-"));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const outcome = verifySignature({ settings: settingsNow, headers: req.headers, body, secrets: [{ id: "s1", value: secretNow }] });
    // The body must arrive byte for byte as the snippet signed it, not merely verify.
    outcomes.push(body.toString("utf8") === BODY ? outcome : { kind: "mismatch", message: "body changed in transit" });
    res.writeHead(outcome.kind === "ok" ? 201 : 401, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ outcome: outcome.kind }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hooks/hk_test?test=true`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const RUNNERS: Partial<Record<SnippetLanguage, { file: string; command: (file: string) => [string, string[]] }>> = {
  curl: { file: "sign.sh", command: (f) => ["bash", [f]] },
  node: { file: "sign.js", command: (f) => ["node", [f]] },
  python: { file: "sign.py", command: (f) => ["python3", [f]] },
  java: { file: "Sign.java", command: (f) => ["java", [f]] },
};

async function runSnippet(language: SnippetLanguage, settings: THmacSettings, secret: string, signWith = secret) {
  settingsNow = settings;
  secretNow = secret;
  outcomes = [];
  const snippet = signingSnippet(language, { settings, url, secret: signWith, sampleBody: BODY });
  expect(snippet.supported).toBe(true);
  const runner = RUNNERS[language]!;
  const sub = mkdtempSync(join(dir, `${language}-`));
  const file = join(sub, runner.file);
  writeFileSync(file, snippet.code);
  const [cmd, args] = runner.command(file);
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd: sub, timeout: 60_000 }, (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out))),
  );
  return { stdout, outcomes: [...outcomes] };
}

const schemes: THmacSettings[] = [
  ZHmacSettings.parse({ scheme: "prefixed-hex", enabled: true }),
  ZHmacSettings.parse({ scheme: "plain-hex", enabled: true, header: "X-HMAC-HASH" }),
  ZHmacSettings.parse({ scheme: "standard-webhooks", enabled: true }),
  ZHmacSettings.parse({ scheme: "stripe", enabled: true }),
  ZHmacSettings.parse({ scheme: "slack", enabled: true }),
  ZHmacSettings.parse({ scheme: "github", enabled: true }),
  ZHmacSettings.parse({ scheme: "shopify", enabled: true }),
  ZHmacSettings.parse({
    scheme: "custom",
    enabled: true,
    custom: {
      header: "X-Partner-Sig",
      prefix: "v2:",
      encoding: "base64url",
      signedContent: "{timestamp}|{id}|{body}",
      timestampHeader: "X-Partner-Time",
      idHeader: "X-Partner-Id",
    },
  }),
];

const secretFor = (settings: THmacSettings) => (settings.scheme === "standard-webhooks" ? generateSecret("whsec") : UTF8_SECRET);

describe.each(["curl", "node", "python"] as const)("%s snippets, run against verifySignature", (language) => {
  it.each(schemes.map((s) => [s.scheme, s] as const))("%s with SHA-256 is accepted", async (_name, settings) => {
    const { stdout, outcomes } = await runSnippet(language, settings, secretFor(settings));
    expect(outcomes.map((o) => o.kind)).toEqual(["ok"]);
    expect(stdout).toMatch(/201/);
  }, 30_000);

  it.each([
    ["prefixed-hex", "sha512"],
    ["prefixed-hex", "sha1"],
    ["stripe", "sha384"],
    ["standard-webhooks", "ripemd160"],
  ] as const)("%s with %s is accepted", async (scheme, algorithm) => {
    const settings = ZHmacSettings.parse({ scheme, algorithm, enabled: true });
    const { outcomes } = await runSnippet(language, settings, secretFor(settings));
    expect(outcomes.map((o) => o.kind)).toEqual(["ok"]);
  }, 30_000);

  it("is refused when it signs with another secret (the check can fail)", async () => {
    const settings = schemes[0]!;
    const { stdout, outcomes } = await runSnippet(language, settings, UTF8_SECRET, `${UTF8_SECRET}x`);
    expect(outcomes.map((o) => o.kind)).toEqual(["mismatch"]);
    expect(stdout).toMatch(/401/);
  }, 30_000);
});

describe("java snippets (JDK only)", () => {
  it.each([schemes[2]!, schemes[3]!, schemes[7]!, ZHmacSettings.parse({ scheme: "prefixed-hex", algorithm: "sha512", enabled: true })].map((s) => [`${s.scheme}/${s.algorithm}`, s] as const))(
    "%s is accepted",
    async (_name, settings) => {
      const { stdout, outcomes } = await runSnippet("java", settings, secretFor(settings));
      expect(outcomes.map((o) => o.kind)).toEqual(["ok"]);
      expect(stdout).toMatch(/^201 /);
    },
    90_000,
  );
});

describe("algorithms a language lacks", () => {
  const input = { settings: ZHmacSettings.parse({ scheme: "prefixed-hex", algorithm: "ripemd128" }), url: "http://x", secret: "s", sampleBody: "{}" };

  it("says so for RIPEMD-128 instead of emitting code, except where it exists (PHP, Java with BouncyCastle)", () => {
    const byLanguage = Object.fromEntries(allSigningSnippets(input).map((s) => [s.language, s]));
    for (const language of ["curl", "node", "python", "go", "csharp"] as const) {
      expect(byLanguage[language]!.supported).toBe(false);
      expect(byLanguage[language]!.code).toMatch(/RIPEMD-128 .*is not available/);
      expect(byLanguage[language]!.code).not.toMatch(/createHmac|hmac\.new|openssl dgst/);
    }
    expect(byLanguage.php!.code).toContain("hash_hmac('ripemd128'");
    expect(byLanguage.java!.code).toContain("BouncyCastle");
  });

  it("keys Standard Webhooks with the decoded bytes and every other scheme with the whole secret", () => {
    const sw = signingSnippet("go", { ...input, settings: schemes[2]! }).code;
    const stripe = signingSnippet("go", { ...input, settings: schemes[3]! }).code;
    expect(sw).toContain('base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))');
    expect(stripe).toContain("key := []byte(secret)");
  });
});
