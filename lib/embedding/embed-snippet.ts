import type { THmacSettings } from "@/lib/hmac/schemas";
import { joinParts, type FieldNames } from "@/lib/snippets/languages/common";
import { jsString } from "@/lib/snippets/languages/literals";
import { signingRecipe } from "@/lib/snippets/recipe";
import { EMBED_IFRAME_ID } from "./embed-browser-snippet";

// The embed snippet shown in the builder: a portal's backend signs the signed-in user's data, posts
// it to the live hook, and turns the returned sessionUrl into an iframe (`?embed=1` renders
// the session without chrome). Node.js, because most portals have a JavaScript backend; the
// signing lines are the same recipe the tested signing snippets use. The iframe starts
// 640 px tall; the browser half (embed-browser-snippet.ts) resizes it to the form.

export interface EmbedSnippetInput {
  settings: THmacSettings;
  /** The live hook URL (not the test URL: embedded sessions are real ones). */
  hookUrl: string;
  /** A placeholder or the secret; the snippet prefers the SIGNET_SECRET environment variable. */
  secret: string;
  /** Example user data, as JSON text. */
  sampleBody: string;
}

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "id", signature: "signature" };
const q = jsString;

function signingLines(settings: THmacSettings): { lines: string[]; headers: string[] } {
  if (!settings.enabled) return { lines: ["  // HMAC is off for this workflow: the request needs no signature."], headers: [] };
  const recipe = signingRecipe(settings);
  const digest = recipe.encoding === "hex" ? '"hex"' : recipe.encoding === "base64" ? '"base64"' : '"base64url"';
  return {
    lines: [
      recipe.needsTimestamp ? "  const timestamp = String(Math.floor(Date.now() / 1000));" : null,
      recipe.needsId ? '  const id = "msg_" + crypto.randomBytes(12).toString("hex");' : null,
      recipe.keyBytes === "whsec-base64"
        ? '  const key = Buffer.from(SIGNET_SECRET.replace(/^whsec_/, ""), "base64");'
        : '  const key = Buffer.from(SIGNET_SECRET, "utf8");',
      `  const signature = crypto.createHmac(${q(recipe.algorithm)}, key).update(${joinParts(recipe.signed, q, NAMES, "+")}, "utf8").digest(${digest});`,
    ].filter((l): l is string => l !== null),
    headers: recipe.headers.map((h) => `      ${q(h.name)}: ${joinParts(h.value, q, NAMES, "+")},`),
  };
}

export function embedSnippet(input: EmbedSnippetInput): string {
  const signing = signingLines(input.settings);
  let sampleUser: string;
  try {
    // Non-ASCII only occurs inside JSON strings, where \uXXXX means the same: ASCII-only code.
    sampleUser = JSON.stringify(JSON.parse(input.sampleBody), null, 2).replace(/[^\x20-\x7e\n]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  } catch {
    sampleUser = "{}";
  }
  return [
    "// Server side only (Node.js 18+): the secret must never reach the browser.",
    "// Starts a Signet session for the signed-in user and returns the iframe to put in your page.",
    "// The page's origin must be in the workflow's allowed origins (Builder → Embedding), published.",
    'const crypto = require("node:crypto");',
    "",
    `const SIGNET_HOOK_URL = ${q(input.hookUrl)};`,
    `const SIGNET_SECRET = process.env.SIGNET_SECRET ?? ${q(input.secret)};`,
    "",
    "async function signetIframe(user) {",
    "  const body = JSON.stringify(user); // sign and send these exact bytes",
    ...signing.lines,
    "  const response = await fetch(SIGNET_HOOK_URL, {",
    '    method: "POST",',
    "    headers: {",
    '      "Content-Type": "application/json",',
    ...signing.headers,
    "    },",
    "    body,",
    "  });",
    "  if (!response.ok) throw new Error(`Signet answered ${response.status}: ${await response.text()}`);",
    "  const { sessionUrl } = await response.json();",
    '  const src = new URL(sessionUrl);',
    '  src.searchParams.set("embed", "1");',
    '  const escaped = src.toString().replaceAll("&", "&amp;").replaceAll(\'"\', "&quot;");',
    `  return \`<iframe id="${EMBED_IFRAME_ID}" src="\${escaped}" title="Form" style="width: 100%; height: 640px; border: 0"></iframe>\`;`,
    "}",
    "",
    "// Example: print the iframe for one user; in your app, call signetIframe in the page handler.",
    `signetIframe(${sampleUser.split("\n").join("\n")}).then(console.log, (error) => {`,
    "  console.error(error.message);",
    "  process.exit(1);",
    "});",
    "",
  ].join("\n");
}
