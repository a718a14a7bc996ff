import type { THmacAlgorithm, THmacSettings } from "@/lib/hmac/schemas";
import type { SignatureEncoding } from "@/lib/hmac/encoding";

// The language-neutral description of "how to sign a request for these settings" that every
// language renderer turns into code. Deriving it once from the settings keeps the seven
// renderers free of scheme knowledge: a new scheme only changes ./recipe.ts.

export const SNIPPET_LANGUAGES = ["curl", "node", "python", "go", "php", "java", "csharp"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  curl: "curl + openssl",
  node: "Node.js",
  python: "Python",
  go: "Go",
  php: "PHP",
  java: "Java",
  csharp: "C#",
};

/** A piece of signed content or of a header value. */
export type Part = { literal: string } | { field: "body" | "timestamp" | "id" | "signature" };

export interface SigningRecipe {
  algorithm: THmacAlgorithm;
  /** Standard Webhooks: the key is the base64 after `whsec_`; otherwise the secret's UTF-8 bytes. */
  keyBytes: "utf8" | "whsec-base64";
  needsTimestamp: boolean;
  needsId: boolean;
  /** The signed bytes, in order ({body} is the raw body exactly as sent). */
  signed: Part[];
  encoding: SignatureEncoding;
  /** Headers to send besides Content-Type, each value built from parts. */
  headers: { name: string; value: Part[] }[];
}

export interface SnippetInput {
  settings: THmacSettings;
  /** Where the snippet posts (usually the workflow's test URL). */
  url: string;
  /** The secret itself (right after creation) or a placeholder the reader replaces. */
  secret: string;
  /** The JSON body to send, exactly as it will be signed. */
  sampleBody: string;
}

export interface Snippet {
  language: SnippetLanguage;
  code: string;
  /** False when the language has no implementation of the algorithm: `code` then says so. */
  supported: boolean;
}
