import { parse as parseJs } from "acorn";
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { embedSnippet } from "@/lib/embedding/embed-snippet";
import type { THmacSettings } from "@/lib/hmac/schemas";
import { lex, type Language } from "./__fixtures__/c-family-tokens";
import { signingSnippet } from "./signing-snippet";
import type { SnippetInput, SnippetLanguage } from "./types";

// Every value a builder controls reaches the generated snippets (custom header names, prefix,
// the literals of the signed-content template, timestamp and id header names; the URL, secret
// and sample body too). The settings here skip the save rules on purpose: the encoders must
// hold for any text, including what older versions let through.
//
// The property: a snippet made with random text in those fields parses to exactly the same
// program as one made with plain markers in their place, and each string literal holds the
// random text where the marker was. "Parses" means each language's own parser where it is
// installed (JavaScript: acorn; Python: `ast`; Java: javac's parser; bash: the script is run
// with curl and openssl replaced by recorders), and a lexer written from the language
// specification for Go, C# and PHP (not installed here): comments and their line terminators
// (LS/PS/NEL for C#, `?>` for PHP), string escapes, PHP interpolation.

const FIELDS = ["header", "prefix", "head", "sep1", "sep2", "tail", "timestampHeader", "idHeader", "secret", "sampleBody", "url"] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const MARKERS = Object.fromEntries(FIELDS.map((field, i) => [field, `MK${i}X`])) as Values;
const PLACEHOLDER = /\{(?:body|timestamp|id)\}/;

function inputOf(v: Values): SnippetInput {
  const settings = {
    scheme: "custom",
    enabled: true,
    algorithm: "sha256",
    toleranceSeconds: 300,
    custom: { header: v.header, prefix: v.prefix, encoding: "hex", signedContent: `${v.head}{timestamp}${v.sep1}{id}${v.sep2}{body}${v.tail}`, timestampHeader: v.timestampHeader, idHeader: v.idHeader, separator: "" },
  } as THmacSettings;
  return { settings, url: v.url, secret: v.secret, sampleBody: v.sampleBody };
}

/** A marker program's string value with each marker replaced by that field's random text. */
function expectedValue(markerValue: string, v: Values): string {
  return markerValue.replace(/MK(\d+)X/g, (_, i: string) => v[FIELDS[Number(i)]!].toWellFormed());
}

const NASTY = [
  "\u2028", "\u2029", "\u0085", "\u0000", "?>", "<?php", "*/", "/*", "//", "#", '"', "'", "`", "\\", "\\u000a", "\\u0022", "\\x41",
  "\n", "\r", "\r\n", "\t", "\u000b", "\u001b", "\u007f", "$", "${x}", "{$x}", "$x", "%s", "{", "}", "'''", '"""', "\u202e", "\ufeff",
  "\ud800", "\udc00", "😀", "é", "ÿ", "\u00a0", "\\\\", "\\'", '\\"', "'\\''", "@", "MK1X",
];
const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", minLength: 1, maxLength: 3 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }));
// Non-empty (an empty literal drops out of the code and changes its shape legitimately) and
// without a placeholder (which would be a placeholder, not text).
const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join("")).filter((t) => !PLACEHOLDER.test(t));
const values: fc.Arbitrary<Values> = fc.record(Object.fromEntries(FIELDS.map((f) => [f, text])) as Record<keyof Values, fc.Arbitrary<string>>);

// --- JavaScript: acorn ------------------------------------------------------------------------

function describeJs(code: string): { kinds: string; values: string[] } {
  const found: string[] = [];
  const shape = JSON.stringify(parseJs(code, { ecmaVersion: "latest", sourceType: "script" }), (key, value: unknown) => {
    if (key === "start" || key === "end" || key === "raw") return undefined;
    if (value !== null && typeof value === "object" && (value as { type?: string }).type === "Literal" && typeof (value as { value?: unknown }).value === "string") {
      found.push((value as { value: string }).value);
      return { type: "Literal", value: "<str>" };
    }
    if (value !== null && typeof value === "object" && (value as { type?: string }).type === "TemplateElement") {
      const cooked = (value as { value: { cooked: string } }).value.cooked;
      found.push(cooked);
      return { type: "TemplateElement" };
    }
    return value;
  });
  return { kinds: shape, values: found };
}

// --- Runners for the installed interpreters --------------------------------------------------

const FIXTURES = fileURLToPath(new URL("./__fixtures__/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "signet-snippet-injection-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Described = { kinds: string[] | string; values: string[]; errors: string[] };

function describePython(sources: string[]): Described[] {
  const out = execFileSync("python3", [join(FIXTURES, "python_literals.py")], { input: JSON.stringify(sources), maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString("utf8")) as Described[];
}

function describeJava(sources: string[]): Described[] {
  const dir = mkdtempSync(join(work, "java-"));
  const files = sources.map((source, i) => {
    const file = join(dir, `Sign${i}.java`);
    // One class name per file, so javac parses them in one run; nothing else changes.
    writeFileSync(file, source.replace("public class Sign {", `public class Sign${i} {`));
    return file;
  });
  const out = execFileSync("java", [join(FIXTURES, "JavaLiterals.java"), ...files], { maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  return out.toString("utf8").trim().split("\n").map((line) => JSON.parse(line) as Described);
}

/** Runs the bash snippet with openssl's HMAC, curl and date replaced by recorders. */
function stubDir(): string {
  const bin = join(work, "bin");
  mkdirSync(bin, { recursive: true });
  const stubs = {
    curl: '#!/bin/bash\nprintf \'%s\\0\' "$@" > "$SNIPPET_OUT/argv"\ncat > "$SNIPPET_OUT/stdin"\n',
    openssl: '#!/bin/bash\nif [ "$1" = dgst ]; then cat > "$SNIPPET_OUT/signed"; printf sig; elif [ "$1" = rand ]; then echo 00112233445566778899aabb; else exec /usr/bin/openssl "$@"; fi\n',
    date: "#!/bin/bash\necho 1700000000\n",
  };
  for (const [name, body] of Object.entries(stubs)) {
    writeFileSync(join(bin, name), body);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

interface ShellRun {
  argv: string[];
  signed: string;
  stdin: string;
  error?: string;
}

function runShell(code: string, bin: string, index: number): Promise<ShellRun> {
  const dir = mkdtempSync(join(work, `sh-${index}-`));
  writeFileSync(join(dir, "sign.sh"), code);
  return new Promise((resolve) => {
    execFile("bash", [join(dir, "sign.sh")], { cwd: dir, timeout: 60_000, env: { ...process.env, PATH: `${bin}:/usr/bin:/bin`, SNIPPET_OUT: dir, LC_ALL: "C" } }, (error, _out, stderr) => {
      const read = (name: string) => {
        try {
          return readFileSync(join(dir, name)).toString("utf8");
        } catch {
          return "<missing>";
        }
      };
      resolve({ argv: read("argv").split("\0").slice(0, -1), signed: read("signed"), stdin: read("stdin"), error: error ? `${error.message}\n${stderr}` : undefined });
    });
  });
}

// --- The comparisons ---------------------------------------------------------------------------

function expectSameProgram(language: string, marker: Described, random: Described, v: Values) {
  expect(random.errors, `${language}: the random snippet does not parse`).toEqual([]);
  expect(marker.errors, `${language}: the marker snippet does not parse`).toEqual([]);
  expect(random.kinds, `${language}: the random text changed the program's shape`).toEqual(marker.kinds);
  expect(random.values, `${language}: a string literal does not hold its value`).toEqual(marker.values.map((m) => expectedValue(m, v)));
}

const markerInput = inputOf(MARKERS);
const snippetOf = (language: SnippetLanguage, input: SnippetInput) => signingSnippet(language, input).code;

describe("snippets keep builder text inside its string literals, whatever it contains", () => {
  it("the probe's payload stays a string in every language", () => {
    const v = { ...MARKERS, head: "\u2028require('fs').writeFileSync('/tmp/pwned', '1')//" };
    const input = inputOf(v);
    expectSameProgram("node", { ...describeJs(snippetOf("node", markerInput)), errors: [] }, { ...describeJs(snippetOf("node", input)), errors: [] }, v);
    for (const language of ["go", "csharp", "php"] as const) {
      expectSameProgram(language, lex(language, snippetOf(language, markerInput)), lex(language, snippetOf(language, input)), v);
    }
    for (const [language, code] of Object.entries({ node: snippetOf("node", input), go: snippetOf("go", input), csharp: snippetOf("csharp", input), php: snippetOf("php", input), java: snippetOf("java", input), python: snippetOf("python", input), curl: snippetOf("curl", input) })) {
      expect(code, language).toMatch(/^[\x20-\x7e\n\t]*$/);
    }
  });

  it("JavaScript (Node.js snippet and embed snippet), parsed by acorn (property)", () => {
    const markerNode = describeJs(snippetOf("node", markerInput));
    const markerEmbed = describeJs(embedSnippet({ settings: markerInput.settings, hookUrl: MARKERS.url, secret: MARKERS.secret, sampleBody: MARKERS.sampleBody }));
    fc.assert(
      fc.property(values, (v) => {
        const input = inputOf(v);
        expectSameProgram("node", { ...markerNode, errors: [] }, { ...describeJs(snippetOf("node", input)), errors: [] }, v);
        const embed = describeJs(embedSnippet({ settings: input.settings, hookUrl: v.url, secret: v.secret, sampleBody: v.sampleBody }));
        expectSameProgram("embed", { ...markerEmbed, errors: [] }, { ...embed, errors: [] }, v);
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  for (const language of ["go", "csharp", "php"] as const satisfies Language[]) {
    it(`${language}: lexed per the language specification, not compiled (not installed here) (property)`, () => {
      const marker = lex(language, snippetOf(language, markerInput));
      expect(marker.values.length).toBeGreaterThan(5);
      fc.assert(
        fc.property(values, (v) => expectSameProgram(language, marker, lex(language, snippetOf(language, inputOf(v))), v)),
        { numRuns: 1500 },
      );
    }, 120_000);
  }

  // The installed interpreters are started once per language for a batch of samples.
  const samples = fc.sample(values, { numRuns: 120, seed: 20261129 });

  it("Python, parsed by python3's ast", () => {
    const [marker, ...random] = describePython([snippetOf("python", markerInput), ...samples.map((v) => snippetOf("python", inputOf(v)))]);
    random.forEach((described, i) => expectSameProgram("python", marker!, described, samples[i]!));
  }, 120_000);

  it("Java, parsed by javac's parser (unicode escapes included)", () => {
    const [marker, ...random] = describeJava([snippetOf("java", markerInput), ...samples.map((v) => snippetOf("java", inputOf(v)))]);
    expect(marker!.values.length).toBeGreaterThan(5);
    random.forEach((described, i) => expectSameProgram("java", marker!, described, samples[i]!));
  }, 300_000);

  it("bash: the script passes exactly these values to openssl and curl", async () => {
    const bin = stubDir();
    const marker = await runShell(snippetOf("curl", markerInput), bin, -1);
    expect(marker.error).toBeUndefined();
    expect(marker.argv.length).toBeGreaterThan(5);
    for (let i = 0; i < samples.length; i += 8) {
      const batch = samples.slice(i, i + 8);
      const runs = await Promise.all(
        batch.map(async (v, j) => {
          const snippet = signingSnippet("curl", inputOf(v));
          // A shell variable cannot hold NUL: then the snippet says so instead of running.
          if (!snippet.supported) return { v, run: null, nul: Object.values(v).some((t) => t.includes("\u0000")) };
          return { v, run: await runShell(snippet.code, bin, i + j), nul: false };
        }),
      );
      for (const { v, run, nul } of runs) {
        if (run === null) {
          expect(nul, "only NUL makes the shell snippet unsupported").toBe(true);
          continue;
        }
        expect(run.error, JSON.stringify(v)).toBeUndefined();
        expect(run.argv).toEqual(marker.argv.map((a) => expectedValue(a, v)));
        expect(run.signed).toBe(expectedValue(marker.signed, v));
        expect(run.stdin).toBe(expectedValue(marker.stdin, v));
      }
    }
  }, 300_000);
});
