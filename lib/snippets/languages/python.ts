import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, unsupportedText, type FieldNames } from "./common";
import { pythonString } from "./literals";

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "msg_id", signature: "signature" };
const q = pythonString;

const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: "digest.hex()",
  base64: 'base64.b64encode(digest).decode("ascii")',
  base64url: 'base64.urlsafe_b64encode(digest).decode("ascii")',
};

export function pythonSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  if (recipe.algorithm === "ripemd128") {
    return { language: "python", supported: false, code: `# ${unsupportedText(recipe.algorithm, "Python", "PHP's hash_hmac('ripemd128', …) has it, as does BouncyCastle for Java.")}` };
  }
  const digestmod = recipe.algorithm === "ripemd160" ? '"ripemd160"' : `hashlib.${recipe.algorithm}`;
  const lines = [
    introComment(recipe, schemeLabel, "#"),
    "# Python 3.9+, standard library only: save as sign.py and run `python3 sign.py`.",
    recipe.algorithm === "ripemd160" ? "# RIPEMD-160 comes from OpenSSL; some OpenSSL 3 builds only offer it with the legacy provider." : null,
    "import base64",
    "import hashlib",
    "import hmac",
    "import secrets",
    "import time",
    "import urllib.error",
    "import urllib.request",
    "",
    `url = ${q(input.url)}`,
    `secret = ${q(input.secret)}`,
    `body = ${q(input.sampleBody)}`,
    recipe.needsTimestamp ? "timestamp = str(int(time.time()))" : null,
    recipe.needsId ? 'msg_id = "msg_" + secrets.token_hex(12)' : null,
    recipe.keyBytes === "whsec-base64" ? 'key = base64.b64decode(secret.removeprefix("whsec_"))' : 'key = secret.encode("utf-8")',
    `digest = hmac.new(key, (${joinParts(recipe.signed, q, NAMES, "+")}).encode("utf-8"), ${digestmod}).digest()`,
    `signature = ${ENCODE[recipe.encoding]}`,
    "",
    "request = urllib.request.Request(",
    "    url,",
    '    data=body.encode("utf-8"),',
    '    method="POST",',
    "    headers={",
    '        "Content-Type": "application/json",',
    ...recipe.headers.map((h) => `        ${q(h.name)}: ${joinParts(h.value, q, NAMES, "+")},`),
    "    },",
    ")",
    "try:",
    "    with urllib.request.urlopen(request) as response:",
    '        print(response.status, response.read().decode("utf-8"))',
    "except urllib.error.HTTPError as error:",
    '    print(error.code, error.read().decode("utf-8"))',
  ];
  return { language: "python", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
