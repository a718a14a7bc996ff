import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, unsupportedText, usesRipemd, type FieldNames } from "./common";
import { csharpString } from "./literals";

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "id", signature: "signature" };
const q = csharpString;

const HMAC_CLASS: Record<"sha256" | "sha384" | "sha512" | "sha1", string> = {
  sha256: "HMACSHA256",
  sha384: "HMACSHA384",
  sha512: "HMACSHA512",
  sha1: "HMACSHA1",
};

const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: "Convert.ToHexString(raw).ToLowerInvariant()",
  base64: "Convert.ToBase64String(raw)",
  base64url: "Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_')",
};

export function csharpSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  if (usesRipemd(recipe.algorithm)) {
    return {
      language: "csharp",
      supported: false,
      code: `// ${unsupportedText(recipe.algorithm, "C# (.NET)", "BouncyCastle.Cryptography's HMac with a RipeMD digest has it.")}`,
    };
  }
  const hmacClass = HMAC_CLASS[recipe.algorithm as keyof typeof HMAC_CLASS];
  const lines = [
    introComment(recipe, schemeLabel, "//"),
    "// .NET 6+: `dotnet new console`, replace Program.cs with this, then `dotnet run`.",
    "using System.Security.Cryptography;",
    "using System.Text;",
    "",
    `var url = ${q(input.url)};`,
    `var secret = ${q(input.secret)};`,
    `var body = ${q(input.sampleBody)};`,
    recipe.needsTimestamp ? "var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();" : null,
    recipe.needsId ? 'var id = "msg_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();' : null,
    recipe.keyBytes === "whsec-base64"
      ? 'var key = Convert.FromBase64String(secret.StartsWith("whsec_") ? secret.Substring(6) : secret);'
      : "var key = Encoding.UTF8.GetBytes(secret);",
    `using var hmac = new ${hmacClass}(key);`,
    `var raw = hmac.ComputeHash(Encoding.UTF8.GetBytes(${joinParts(recipe.signed, q, NAMES, "+")}));`,
    `var signature = ${ENCODE[recipe.encoding]};`,
    "",
    "using var client = new HttpClient();",
    "var request = new HttpRequestMessage(HttpMethod.Post, url)",
    "{",
    '    Content = new StringContent(body, Encoding.UTF8, "application/json"),',
    "};",
    // Without validation: values such as Stripe's `t=…,v1=…` would otherwise be re-parsed.
    ...recipe.headers.map((h) => `request.Headers.TryAddWithoutValidation(${q(h.name)}, ${joinParts(h.value, q, NAMES, "+")});`),
    "var response = await client.SendAsync(request);",
    'Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");',
  ];
  return { language: "csharp", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
