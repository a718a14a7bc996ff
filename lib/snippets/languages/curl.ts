import type { Part, Snippet, SigningRecipe, SnippetInput } from "../types";
import { compactParts } from "../recipe";
import { introComment, unsupportedText } from "./common";
import { shellString } from "./literals";

const VARS = { body: '"$BODY"', timestamp: '"$TIMESTAMP"', id: '"$MSG_ID"', signature: '"$SIGNATURE"' } as const;

/** A shell word: quoted literals and double-quoted variables, side by side. */
function shellWord(parts: Part[]): string {
  const pieces = compactParts(parts).map((p) => ("literal" in p ? shellString(p.literal)! : VARS[p.field]));
  return pieces.length === 0 ? "''" : pieces.join("");
}

/** Every literal the script would hold; a shell variable or argument cannot carry NUL. */
function literalsOf(recipe: SigningRecipe, input: SnippetInput): string[] {
  const parts = [...recipe.signed, ...recipe.headers.flatMap((h): Part[] => [{ literal: `${h.name}: ` }, ...h.value])];
  return [input.url, input.secret, input.sampleBody, ...parts.flatMap((p) => ("literal" in p ? [p.literal] : []))];
}

// `od` turns bytes into hex portably (xxd is not everywhere); `openssl base64 -A` avoids the
// differences between GNU and BSD base64 flags.
const TO_HEX = "od -An -v -tx1 | tr -d ' \\n'";
const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: TO_HEX,
  base64: "openssl base64 -A",
  base64url: "openssl base64 -A | tr '+/' '-_' | tr -d '='",
};

export function curlSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  if (recipe.algorithm === "ripemd128") {
    return { language: "curl", supported: false, code: `# ${unsupportedText(recipe.algorithm, "OpenSSL", "PHP's hash_hmac('ripemd128', …) has it, as does BouncyCastle for Java.")}` };
  }
  if (literalsOf(recipe, input).some((text) => shellString(text) === null)) {
    return { language: "curl", supported: false, code: "# These settings contain a NUL character, which a shell variable cannot hold: use another language's snippet." };
  }
  // printf '%s' reuses its format for every argument: the pieces are written back to back.
  const signedArgs = compactParts(recipe.signed)
    .map((p) => ("literal" in p ? shellString(p.literal)! : VARS[p.field]))
    .join(" ");
  const lines = [
    "#!/usr/bin/env bash",
    introComment(recipe, schemeLabel, "#"),
    "# Needs bash, openssl and curl: save as sign.sh and run `bash sign.sh`.",
    recipe.algorithm === "ripemd160" ? "# On OpenSSL 3 builds without RIPEMD-160 in the default provider, add `-provider legacy -provider default` to openssl dgst." : null,
    "set -euo pipefail",
    "",
    `URL=${shellString(input.url)}`,
    `SECRET=${shellString(input.secret)}`,
    `BODY=${shellString(input.sampleBody)}`,
    recipe.needsTimestamp ? "TIMESTAMP=$(date +%s)" : null,
    recipe.needsId ? 'MSG_ID="msg_$(openssl rand -hex 12)"' : null,
    // The key goes to openssl as hex, so any character in the secret is safe on the command line.
    recipe.keyBytes === "whsec-base64"
      ? `KEY_HEX=$(printf '%s' "\${SECRET#whsec_}" | openssl base64 -d -A | ${TO_HEX})`
      : `KEY_HEX=$(printf '%s' "$SECRET" | ${TO_HEX})`,
    `SIGNATURE=$(printf '%s' ${signedArgs} | openssl dgst -${recipe.algorithm} -mac HMAC -macopt "hexkey:$KEY_HEX" -binary | ${ENCODE[recipe.encoding]})`,
    "",
    // The body goes through stdin: curl would read a file for a value starting with @.
    'printf \'%s\' "$BODY" | curl -sS -X POST "$URL" \\',
    "  -H 'Content-Type: application/json' \\",
    ...recipe.headers.map((h) => `  -H ${shellWord([{ literal: `${h.name}: ` }, ...h.value])} \\`),
    "  --data-binary @- \\",
    "  -w '\\nHTTP %{http_code}\\n'",
  ];
  return { language: "curl", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
