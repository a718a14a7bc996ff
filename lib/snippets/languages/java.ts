import type { Snippet, SigningRecipe, SnippetInput } from "../types";
import { introComment, joinParts, usesRipemd, type FieldNames } from "./common";
import { javaString } from "./literals";

const NAMES: FieldNames = { body: "body", timestamp: "timestamp", id: "id", signature: "signature" };
const q = javaString;

const MAC_NAME: Record<SigningRecipe["algorithm"], string> = {
  sha256: "HmacSHA256",
  sha384: "HmacSHA384",
  sha512: "HmacSHA512",
  sha1: "HmacSHA1",
  ripemd160: "HmacRIPEMD160",
  ripemd128: "HmacRIPEMD128",
};

const ENCODE: Record<SigningRecipe["encoding"], string> = {
  hex: "HexFormat.of().formatHex(raw)",
  base64: "Base64.getEncoder().encodeToString(raw)",
  base64url: "Base64.getUrlEncoder().withoutPadding().encodeToString(raw)",
};

export function javaSnippet(recipe: SigningRecipe, input: SnippetInput, schemeLabel: string): Snippet {
  const ripemd = usesRipemd(recipe.algorithm);
  const macName = MAC_NAME[recipe.algorithm];
  const lines = [
    introComment(recipe, schemeLabel, "//"),
    "// Java 17+: save as Sign.java and run `java Sign.java`.",
    ripemd
      ? "// RIPEMD is not in the JDK: this uses BouncyCastle (org.bouncycastle:bcprov-jdk18on) — run with `java -cp bcprov.jar Sign.java`."
      : null,
    "import java.net.URI;",
    "import java.net.http.HttpClient;",
    "import java.net.http.HttpRequest;",
    "import java.net.http.HttpResponse;",
    "import java.nio.charset.StandardCharsets;",
    recipe.needsId ? "import java.security.SecureRandom;" : null,
    ripemd ? "import java.security.Security;" : null,
    "import java.util.Base64;",
    "import java.util.HexFormat;",
    "import javax.crypto.Mac;",
    "import javax.crypto.spec.SecretKeySpec;",
    "",
    "public class Sign {",
    "    public static void main(String[] args) throws Exception {",
    ripemd ? "        Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());" : null,
    `        String url = ${q(input.url)};`,
    `        String secret = ${q(input.secret)};`,
    `        String body = ${q(input.sampleBody)};`,
    recipe.needsTimestamp ? "        String timestamp = Long.toString(System.currentTimeMillis() / 1000);" : null,
    ...(recipe.needsId
      ? ["        byte[] random = new byte[12];", "        new SecureRandom().nextBytes(random);", '        String id = "msg_" + HexFormat.of().formatHex(random);']
      : []),
    recipe.keyBytes === "whsec-base64"
      ? '        byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));'
      : "        byte[] key = secret.getBytes(StandardCharsets.UTF_8);",
    `        Mac mac = Mac.getInstance("${macName}");`,
    `        mac.init(new SecretKeySpec(key, "${macName}"));`,
    `        byte[] raw = mac.doFinal((${joinParts(recipe.signed, q, NAMES, "+")}).getBytes(StandardCharsets.UTF_8));`,
    `        String signature = ${ENCODE[recipe.encoding]};`,
    "",
    "        HttpRequest request = HttpRequest.newBuilder(URI.create(url))",
    '            .header("Content-Type", "application/json")',
    ...recipe.headers.map((h) => `            .header(${q(h.name)}, ${joinParts(h.value, q, NAMES, "+")})`),
    "            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))",
    "            .build();",
    "        // HTTP/1.1: the default HTTP/2 upgrade attempt adds headers some servers reject.",
    "        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();",
    "        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());",
    '        System.out.println(response.statusCode() + " " + response.body());',
    "    }",
    "}",
  ];
  return { language: "java", supported: true, code: lines.filter((l) => l !== null).join("\n") + "\n" };
}
