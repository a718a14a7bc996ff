import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, unsupportedText, type FieldNames } from "./common";
import { jsString } from "./literals";

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "id", signature: "signature" };
const q = jsString;

const DIGEST: Record<SigningRecipe["encoding"], string> = { hex: '"hex"', base64: '"base64"', base64url: '"base64url"' };

export function nodeSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  if (recipe.algorithm === "ripemd128") {
    return { language: "node", supported: false, code: `// ${unsupportedText(recipe.algorithm, "Node.js", "PHP's hash_hmac('ripemd128', …) has it, as does BouncyCastle for Java.")}` };
  }
  const lines = [
    introComment(recipe, schemeLabel, "//"),
    "// Node.js 18+ (built-in fetch), no packages: save as sign.js and run `node sign.js`.",
    recipe.algorithm === "ripemd160" ? "// RIPEMD-160 comes from OpenSSL; some OpenSSL 3 builds only offer it with the legacy provider." : null,
    'const crypto = require("node:crypto");',
    "",
    `const url = ${q(input.url)};`,
    `const secret = ${q(input.secret)};`,
    `const body = ${q(input.sampleBody)};`,
    recipe.needsTimestamp ? "const timestamp = String(Math.floor(Date.now() / 1000));" : null,
    recipe.needsId ? 'const id = "msg_" + crypto.randomBytes(12).toString("hex");' : null,
    recipe.keyBytes === "whsec-base64"
      ? 'const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");'
      : 'const key = Buffer.from(secret, "utf8");',
    `const signature = crypto.createHmac(${q(recipe.algorithm)}, key).update(${joinParts(recipe.signed, q, NAMES, "+")}, "utf8").digest(${DIGEST[recipe.encoding]});`,
    "",
    "fetch(url, {",
    '  method: "POST",',
    "  headers: {",
    '    "Content-Type": "application/json",',
    ...recipe.headers.map((h) => `    ${q(h.name)}: ${joinParts(h.value, q, NAMES, "+")},`),
    "  },",
    "  body,",
    "}).then(async (response) => console.log(response.status, await response.text()));",
  ];
  return { language: "node", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
