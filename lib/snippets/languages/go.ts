import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, unsupportedText, type FieldNames } from "./common";
import { goString } from "./literals";

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "id", signature: "signature" };
const q = goString;

const HASH: Record<Exclude<SigningRecipe["algorithm"], "ripemd128">, { pkg: string; fn: string }> = {
  sha256: { pkg: "crypto/sha256", fn: "sha256.New" },
  sha384: { pkg: "crypto/sha512", fn: "sha512.New384" },
  sha512: { pkg: "crypto/sha512", fn: "sha512.New" },
  sha1: { pkg: "crypto/sha1", fn: "sha1.New" },
  ripemd160: { pkg: "golang.org/x/crypto/ripemd160", fn: "ripemd160.New" },
};

const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: "hex.EncodeToString(mac.Sum(nil))",
  base64: "base64.StdEncoding.EncodeToString(mac.Sum(nil))",
  base64url: "base64.RawURLEncoding.EncodeToString(mac.Sum(nil))",
};

export function goSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  if (recipe.algorithm === "ripemd128") {
    return { language: "go", supported: false, code: `// ${unsupportedText(recipe.algorithm, "Go", "PHP's hash_hmac('ripemd128', …) has it, as does BouncyCastle for Java.")}` };
  }
  const hash = HASH[recipe.algorithm];
  // Go refuses unused imports, so the list follows exactly what the code below uses.
  const imports = new Set(["bytes", "crypto/hmac", hash.pkg, "fmt", "io", "net/http"]);
  if (recipe.needsTimestamp) ["strconv", "time"].forEach((i) => imports.add(i));
  if (recipe.needsId) ["crypto/rand", "encoding/hex"].forEach((i) => imports.add(i));
  if (recipe.keyBytes === "whsec-base64") ["encoding/base64", "strings"].forEach((i) => imports.add(i));
  imports.add(recipe.encoding === "hex" ? "encoding/hex" : "encoding/base64");
  const std = [...imports].filter((i) => !i.includes(".")).sort();
  const external = [...imports].filter((i) => i.includes(".")).sort();

  const lines = [
    introComment(recipe, schemeLabel, "//"),
    "// Save as main.go and run `go run main.go`.",
    external.length > 0 ? "// RIPEMD-160 is not in Go's standard library: `go get golang.org/x/crypto/ripemd160` first." : null,
    "package main",
    "",
    "import (",
    ...std.map((i) => `\t"${i}"`),
    ...(external.length > 0 ? ["", ...external.map((i) => `\t"${i}"`)] : []),
    ")",
    "",
    "func main() {",
    `\turl := ${q(input.url)}`,
    `\tsecret := ${q(input.secret)}`,
    `\tbody := ${q(input.sampleBody)}`,
    recipe.needsTimestamp ? "\ttimestamp := strconv.FormatInt(time.Now().Unix(), 10)" : null,
    ...(recipe.needsId
      ? ["\trandom := make([]byte, 12)", "\tif _, err := rand.Read(random); err != nil {", "\t\tpanic(err)", "\t}", '\tid := "msg_" + hex.EncodeToString(random)']
      : []),
    ...(recipe.keyBytes === "whsec-base64"
      ? ['\tkey, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))', "\tif err != nil {", "\t\tpanic(err)", "\t}"]
      : ["\tkey := []byte(secret)"]),
    `\tmac := hmac.New(${hash.fn}, key)`,
    `\tmac.Write([]byte(${joinParts(recipe.signed, q, NAMES, "+")}))`,
    `\tsignature := ${ENCODE[recipe.encoding]}`,
    "",
    '\treq, err := http.NewRequest("POST", url, bytes.NewBufferString(body))',
    "\tif err != nil {",
    "\t\tpanic(err)",
    "\t}",
    '\treq.Header.Set("Content-Type", "application/json")',
    ...recipe.headers.map((h) => `\treq.Header.Set(${q(h.name)}, ${joinParts(h.value, q, NAMES, "+")})`),
    "\tres, err := http.DefaultClient.Do(req)",
    "\tif err != nil {",
    "\t\tpanic(err)",
    "\t}",
    "\tdefer res.Body.Close()",
    "\tanswer, _ := io.ReadAll(res.Body)",
    "\tfmt.Println(res.StatusCode, string(answer))",
    "}",
  ];
  return { language: "go", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
