// Lexers for the snippet languages that are not installed where the tests run (Go, C#, PHP),
// written from each language's specification for the constructs the snippets use: comments
// and their line terminators, string literals and their escapes, PHP's open/close tags and
// interpolation. They return the token kinds (identifiers and punctuation with their text,
// string literals without their value) and the decoded string values, so a test can check
// that a value placed in a snippet comes back out unchanged and changes no other token.
// They are not full parsers: what they cannot lex is reported as an error.

export type Language = "go" | "csharp" | "php";

export interface Lexed {
  kinds: string[];
  values: string[];
  errors: string[];
}

const LINE_TERMINATORS: Record<Language, RegExp> = {
  // Go: only LF ends a line comment (a CR is just whitespace).
  go: /\n/,
  // C#: CR, LF, NEL, LS and PS all end a single-line comment.
  csharp: /[\r\n\u0085\u2028\u2029]/,
  // PHP: CR or LF ends a `//` comment, and so does `?>` (handled below).
  php: /[\r\n]/,
};

const IDENT_START = /[A-Za-z_\u0080-\uffff]/u;
const IDENT_PART = /[A-Za-z0-9_\u0080-\uffff]/u;
const HEX = /^[0-9a-fA-F]$/;

class Reader {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  peek(offset = 0): string {
    return this.text[this.at + offset] ?? "";
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.at);
  }
  done(): boolean {
    return this.at >= this.text.length;
  }
}

function readHex(r: Reader, count: number, errors: string[]): number {
  let digits = "";
  for (let i = 0; i < count; i++) {
    if (!HEX.test(r.peek())) {
      errors.push(`expected ${count} hex digits at ${r.at}`);
      return 0xfffd;
    }
    digits += r.peek();
    r.at++;
  }
  return parseInt(digits, 16);
}

/** Go interpreted string (after the opening quote): bytes, decoded as UTF-8 at the end. */
function goString(r: Reader, errors: string[]): string {
  const bytes: number[] = [];
  const pushCodePoint = (cp: number) => bytes.push(...new TextEncoder().encode(String.fromCodePoint(cp)));
  for (;;) {
    if (r.done()) {
      errors.push("unterminated Go string");
      break;
    }
    const ch = r.peek();
    r.at++;
    if (ch === '"') break;
    if (ch === "\n") errors.push("newline in Go string");
    if (ch !== "\\") {
      const cp = r.text.codePointAt(r.at - 1)!;
      pushCodePoint(cp);
      if (cp > 0xffff) r.at++;
      continue;
    }
    const e = r.peek();
    r.at++;
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92, '"': 34 };
    if (e in simple) bytes.push(simple[e]!);
    else if (e === "x") bytes.push(readHex(r, 2, errors));
    else if (e === "u") pushCodePoint(readHex(r, 4, errors));
    else if (e === "U") pushCodePoint(readHex(r, 8, errors));
    else if (/[0-7]/.test(e)) {
      const digits = e + r.peek() + r.peek(1);
      r.at += 2;
      if (!/^[0-7]{3}$/.test(digits)) errors.push("bad Go octal escape");
      bytes.push(parseInt(digits, 8));
    } else errors.push(`unknown Go escape \\${e}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
  } catch {
    errors.push("Go string is not valid UTF-8");
    return "";
  }
}

/** C# regular string or char literal (after the opening quote). */
function csharpQuoted(r: Reader, quote: string, errors: string[]): string {
  let out = "";
  for (;;) {
    if (r.done()) {
      errors.push("unterminated C# literal");
      break;
    }
    const ch = r.peek();
    r.at++;
    if (ch === quote) break;
    if (/[\r\n\u0085\u2028\u2029]/.test(ch)) errors.push("line terminator in C# literal");
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const e = r.peek();
    r.at++;
    const simple: Record<string, string> = { "'": "'", '"': '"', "\\": "\\", "0": "\0", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
    if (e in simple) out += simple[e];
    else if (e === "u") out += String.fromCharCode(readHex(r, 4, errors));
    else if (e === "U") out += String.fromCodePoint(readHex(r, 8, errors));
    else if (e === "x") {
      // One to four hex digits, read greedily: the reason renderers never emit \x.
      let digits = "";
      while (digits.length < 4 && HEX.test(r.peek())) {
        digits += r.peek();
        r.at++;
      }
      if (digits === "") errors.push("bad C# \\x escape");
      out += String.fromCharCode(parseInt(digits || "0", 16));
    } else errors.push(`unknown C# escape \\${e}`);
  }
  return out;
}

/** C# interpolated string `$"…{expr}…"`: kept whole as one token (the snippets' own text). */
function csharpInterpolated(r: Reader, errors: string[]): string {
  const start = r.at;
  let depth = 0;
  for (;;) {
    if (r.done()) {
      errors.push("unterminated interpolated string");
      break;
    }
    const ch = r.peek();
    r.at++;
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === '"' && depth === 0) break;
    else if (ch === "\\") r.at++;
  }
  return r.text.slice(start, r.at - 1);
}

/** PHP single-quoted string: only \\ and \' are escapes. */
function phpSingle(r: Reader, errors: string[]): string {
  let out = "";
  for (;;) {
    if (r.done()) {
      errors.push("unterminated PHP string");
      break;
    }
    const ch = r.peek();
    r.at++;
    if (ch === "'") break;
    if (ch === "\\" && (r.peek() === "\\" || r.peek() === "'")) {
      out += r.peek();
      r.at++;
    } else out += ch;
  }
  return out;
}

/** PHP double-quoted string: escapes, and any `$name`, `{$` or `${` is interpolation. */
function phpDouble(r: Reader, errors: string[], kinds: string[]): string {
  const bytes: number[] = [];
  const text = (s: string) => bytes.push(...new TextEncoder().encode(s));
  for (;;) {
    if (r.done()) {
      errors.push("unterminated PHP string");
      break;
    }
    const ch = r.peek();
    r.at++;
    if (ch === '"') break;
    if (ch === "$" && /[A-Za-z_\u0080-\uffff{]/u.test(r.peek())) kinds.push("php-interpolation");
    if (ch === "{" && r.peek() === "$") kinds.push("php-interpolation");
    if (ch !== "\\") {
      const cp = r.text.codePointAt(r.at - 1)!;
      text(String.fromCodePoint(cp));
      if (cp > 0xffff) r.at++;
      continue;
    }
    const e = r.peek();
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, e: 27, f: 12, "\\": 92, $: 36, '"': 34 };
    if (e in simple) {
      bytes.push(simple[e]!);
      r.at++;
    } else if (/[0-7]/.test(e)) {
      let digits = "";
      while (digits.length < 3 && /[0-7]/.test(r.peek())) {
        digits += r.peek();
        r.at++;
      }
      bytes.push(parseInt(digits, 8) & 0xff);
    } else if (e === "x" && HEX.test(r.peek(1))) {
      r.at++;
      let digits = "";
      while (digits.length < 2 && HEX.test(r.peek())) {
        digits += r.peek();
        r.at++;
      }
      bytes.push(parseInt(digits, 16));
    } else if (e === "u" && r.peek(1) === "{") {
      const close = r.text.indexOf("}", r.at);
      const digits = r.text.slice(r.at + 2, close);
      if (close === -1 || !/^[0-9a-fA-F]+$/.test(digits)) errors.push("bad PHP \\u{} escape");
      else text(String.fromCodePoint(parseInt(digits, 16)));
      r.at = close + 1;
    } else bytes.push(92); // an unknown escape keeps its backslash; the next char is read as text
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
  } catch {
    errors.push("PHP string is not valid UTF-8");
    return "";
  }
}

export function lex(language: Language, source: string): Lexed {
  const r = new Reader(source);
  const kinds: string[] = [];
  const values: string[] = [];
  const errors: string[] = [];
  if (language === "php") {
    if (!r.startsWith("<?php")) errors.push("no <?php open tag at the start");
    r.at = 5;
  }
  while (!r.done()) {
    const ch = r.peek();
    if (/\s/.test(ch)) {
      r.at++;
    } else if (r.startsWith("//") || (language === "php" && ch === "#" && r.peek(1) !== "[")) {
      // A line comment: up to the language's line terminator (or PHP's `?>`).
      r.at += ch === "#" ? 1 : 2;
      while (!r.done() && !LINE_TERMINATORS[language].test(r.peek()) && !(language === "php" && r.startsWith("?>"))) r.at++;
      kinds.push("comment");
    } else if (r.startsWith("/*")) {
      const end = source.indexOf("*/", r.at + 2);
      if (end === -1) errors.push("unterminated block comment");
      r.at = end === -1 ? source.length : end + 2;
      kinds.push("comment");
    } else if (language === "php" && r.startsWith("?>")) {
      // Back to HTML: whatever follows is output, not code.
      kinds.push("php-close-tag");
      const open = source.indexOf("<?php", r.at);
      kinds.push(`inline-html:${source.slice(r.at + 2, open === -1 ? undefined : open)}`);
      r.at = open === -1 ? source.length : open + 5;
    } else if (ch === '"') {
      r.at++;
      const value = language === "go" ? goString(r, errors) : language === "csharp" ? csharpQuoted(r, '"', errors) : phpDouble(r, errors, kinds);
      kinds.push("string");
      values.push(value);
    } else if (ch === "'" && language === "php") {
      r.at++;
      values.push(phpSingle(r, errors));
      kinds.push("string");
    } else if (ch === "'" && language === "csharp") {
      r.at++;
      kinds.push(`char:${csharpQuoted(r, "'", errors)}`);
    } else if (ch === "`" && language === "go") {
      const end = source.indexOf("`", r.at + 1);
      if (end === -1) errors.push("unterminated raw string");
      values.push(source.slice(r.at + 1, end).replaceAll("\r", ""));
      kinds.push("string");
      r.at = end === -1 ? source.length : end + 1;
    } else if (language === "csharp" && r.startsWith('$"')) {
      r.at += 2;
      kinds.push(`interpolated:${csharpInterpolated(r, errors)}`);
    } else if (language === "php" && ch === "$" && IDENT_START.test(r.peek(1))) {
      let name = "$";
      r.at++;
      while (IDENT_PART.test(r.peek())) name += r.text[r.at++];
      kinds.push(`var:${name}`);
    } else if (IDENT_START.test(ch)) {
      let name = "";
      while (!r.done() && IDENT_PART.test(r.peek())) name += r.text[r.at++];
      kinds.push(`ident:${name}`);
    } else if (/[0-9]/.test(ch)) {
      let number = "";
      while (/[0-9A-Za-z_.]/.test(r.peek())) number += r.text[r.at++];
      kinds.push(`number:${number}`);
    } else {
      kinds.push(`punct:${ch}`);
      r.at++;
    }
  }
  return { kinds, values, errors };
}
