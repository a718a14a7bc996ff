import { ALGORITHMS } from "@/lib/hmac/algorithms";
import type { THmacAlgorithm } from "@/lib/hmac/schemas";
import { compactParts } from "../recipe";
import type { Part, SigningRecipe } from "../types";
import { commentString } from "./literals";

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
    .map((p) => ("literal" in p ? commentString(p.literal) : `{${p.field}}`))
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
