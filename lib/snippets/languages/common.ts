import { ALGORITHMS } from "@/lib/hmac/algorithms";
import type { THmacAlgorithm } from "@/lib/hmac/schemas";
import { compactParts } from "../recipe";
import type { Part, SigningRecipe } from "../types";

// Helpers shared by the language renderers: joining parts into an expression, the intro
// comment, and the plain "this language can't do this algorithm" text.

export type FieldNames = Record<"body" | "timestamp" | "id" | "signature", string>;

/** `a + "." + b` in the language's syntax; an empty list is the empty string literal. */
export function joinParts(parts: Part[], quote: (s: string) => string, names: FieldNames, op: string): string {
  const pieces = compactParts(parts).map((p) => ("literal" in p ? quote(p.literal) : names[p.field]));
  return pieces.length === 0 ? quote("") : pieces.join(` ${op} `);
}

/** Lines describing what is signed and how, as comments with the given prefix. */
export function introComment(recipe: SigningRecipe, schemeLabel: string, comment: string): string {
  const signed = compactParts(recipe.signed)
    .map((p) => ("literal" in p ? JSON.stringify(p.literal) : `{${p.field}}`))
    .join(" + ");
  const key =
    recipe.keyBytes === "whsec-base64"
      ? "Key: the base64-decoded bytes after whsec_ (Standard Webhooks)."
      : "Key: the secret exactly as shown, as UTF-8 bytes (a whsec_ prefix included).";
  return [
    `${comment} Signs a request for Signet (${schemeLabel}, HMAC-${ALGORITHMS[recipe.algorithm].label.replace(" (legacy)", "")}) and posts it.`,
    `${comment} Signed bytes: ${signed}, with {body} exactly the bytes sent: re-serialising the JSON breaks the signature.`,
    `${comment} ${key}`,
  ].join("\n");
}

export function unsupportedText(algorithm: THmacAlgorithm, language: string, alternatives: string): string {
  return `${ALGORITHMS[algorithm].label} is not available in ${language}'s standard library, so no snippet is shown rather than code that signs wrongly. ${alternatives} Or choose SHA-256, which every language supports.`;
}

export function usesRipemd(algorithm: THmacAlgorithm): boolean {
  return algorithm === "ripemd128" || algorithm === "ripemd160";
}

/** A C-family string literal: escapes quotes, backslashes and control characters. */
export function cStringLiteral(value: string, flavour: "go" | "csharp" | "java"): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    // Java turns \\u escapes into source characters before parsing, so \\u000a would end the
    // string: control characters use octal there.
    else if (code < 0x20 || code === 0x7f) out += flavour === "java" ? `\\${code.toString(8).padStart(3, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    else if (code > 0x7e && flavour === "java") {
      // UTF-16 code units, so the source file is ASCII whatever javac's default encoding is.
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return out + '"';
}

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** PHP single quotes: only \\ and \' are escapes. */
export function phpQuote(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
