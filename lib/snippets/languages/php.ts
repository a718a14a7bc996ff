import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, type FieldNames } from "./common";
import { phpString } from "./literals";

const NAMES: FieldNames = { body: "$body", timestamp: "$timestamp", id: "$id", signature: "$signature" };

const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: "bin2hex($raw)",
  base64: "base64_encode($raw)",
  base64url: "rtrim(strtr(base64_encode($raw), '+/', '-_'), '=')",
};

// PHP's hash extension has every algorithm Signet offers, RIPEMD-128 included.
export function phpSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  const lines = [
    "<?php",
    introComment(recipe, schemeLabel, "//"),
    "// PHP 7.4+ with the curl extension: save as sign.php and run `php sign.php`.",
    "",
    `$url = ${phpString(input.url)};`,
    `$secret = ${phpString(input.secret)};`,
    `$body = ${phpString(input.sampleBody)};`,
    recipe.needsTimestamp ? "$timestamp = (string) time();" : null,
    recipe.needsId ? "$id = 'msg_' . bin2hex(random_bytes(12));" : null,
    recipe.keyBytes === "whsec-base64" ? "$key = base64_decode(preg_replace('/^whsec_/', '', $secret), true);" : "$key = $secret;",
    `$raw = hash_hmac('${recipe.algorithm}', ${joinParts(recipe.signed, phpString, NAMES, ".")}, $key, true);`,
    `$signature = ${ENCODE[recipe.encoding]};`,
    "",
    "$ch = curl_init($url);",
    "curl_setopt_array($ch, [",
    "    CURLOPT_POST => true,",
    "    CURLOPT_POSTFIELDS => $body,",
    "    CURLOPT_RETURNTRANSFER => true,",
    "    CURLOPT_HTTPHEADER => [",
    "        'Content-Type: application/json',",
    ...recipe.headers.map((h) => `        ${joinParts([{ literal: `${h.name}: ` }, ...h.value], phpString, NAMES, ".")},`),
    "    ],",
    "]);",
    "$response = curl_exec($ch);",
    "echo curl_getinfo($ch, CURLINFO_HTTP_CODE), ' ', $response, PHP_EOL;",
  ];
  return { language: "php", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
