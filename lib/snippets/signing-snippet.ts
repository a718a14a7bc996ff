import { csharpSnippet } from "./languages/csharp";
import { curlSnippet } from "./languages/curl";
import { goSnippet } from "./languages/go";
import { javaSnippet } from "./languages/java";
import { nodeSnippet } from "./languages/node";
import { phpSnippet } from "./languages/php";
import { pythonSnippet } from "./languages/python";
import { signingRecipe } from "./recipe";
import { SNIPPET_LANGUAGES, type Snippet, type SnippetInput, type SnippetLanguage, type SigningRecipe } from "./types";

// Ready-to-paste code that signs a body exactly as lib/hmac verifies it (the Webhook tab's developer help).

export const SCHEME_NAMES: Record<SnippetInput["settings"]["scheme"], string> = {
  "prefixed-hex": "prefixed hex",
  "plain-hex": "plain hex",
  "standard-webhooks": "Standard Webhooks",
  stripe: "Stripe-style",
  slack: "Slack-style",
  github: "GitHub-style",
  shopify: "Shopify-style",
  custom: "custom scheme",
};

const RENDERERS: Record<SnippetLanguage, (recipe: SigningRecipe, input: SnippetInput, schemeLabel: string) => Snippet> = {
  curl: curlSnippet,
  node: nodeSnippet,
  python: pythonSnippet,
  go: goSnippet,
  php: phpSnippet,
  java: javaSnippet,
  csharp: csharpSnippet,
};

export function signingSnippet(language: SnippetLanguage, input: SnippetInput): Snippet {
  return RENDERERS[language](signingRecipe(input.settings), input, SCHEME_NAMES[input.settings.scheme]);
}

export function allSigningSnippets(input: SnippetInput): Snippet[] {
  const recipe = signingRecipe(input.settings);
  return SNIPPET_LANGUAGES.map((language) => RENDERERS[language](recipe, input, SCHEME_NAMES[input.settings.scheme]));
}
