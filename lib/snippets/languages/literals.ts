// String literals and comment text for every snippet language. Snippets embed text a builder
// typed (header names, prefixes, signed-content templates), which a partner developer then
// runs, so each value must come out of the target language's parser exactly as it went in,
// whatever it contains. The rules, per language:
// - output is printable ASCII only: no raw line or paragraph separators (U+2028/2029 end a
//   JavaScript or C# comment, U+0085 a C# one), no bidirectional overrides that would make
//   the code read differently from how it runs, no encoding surprises in the saved file;
// - each language's own escapes, never another's (a JSON string is not a PHP or Go literal);
// - lone UTF-16 surrogates become U+FFFD first, which is what UTF-8 encoding (Node's
//   `update(text, "utf8")`, TextEncoder) does to them: every language then signs the same bytes.

const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");
const PRINTABLE = (code: number) => code >= 0x20 && code <= 0x7e;

/** The code points of the string as UTF-8 would encode it. */
function codePoints(value: string): number[] {
  return Array.from(value.toWellFormed(), (ch) => ch.codePointAt(0)!);
}

/** UTF-16 code units of the well-formed string. */
function codeUnits(value: string): number[] {
  const text = value.toWellFormed();
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

const COMMON_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t" };

/** JavaScript (Node.js): `\uXXXX` per UTF-16 unit outside printable ASCII. */
export function jsString(value: string): string {
  let out = '"';
  for (const unit of codeUnits(value)) out += COMMON_ESCAPES[unit] ?? (PRINTABLE(unit) ? String.fromCharCode(unit) : `\\u${hex(unit, 4)}`);
  return `${out}"`;
}

/** Python 3 str: `\xHH`, `\uXXXX` or `\UXXXXXXXX` by code point. */
export function pythonString(value: string): string {
  let out = '"';
  for (const cp of codePoints(value)) {
    out += COMMON_ESCAPES[cp] ?? (PRINTABLE(cp) ? String.fromCodePoint(cp) : cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
  }
  return `${out}"`;
}

/** Go interpreted string: `\xHH` is a byte, so only ASCII uses it; code points use `\u`/`\U`. */
export function goString(value: string): string {
  let out = '"';
  for (const cp of codePoints(value)) {
    out += COMMON_ESCAPES[cp] ?? (PRINTABLE(cp) ? String.fromCodePoint(cp) : cp < 0x80 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
  }
  return `${out}"`;
}

/**
 * Java: javac turns `\uXXXX` into source characters before it reads the string, so
 * `\u000a` would end it; ASCII controls use three-digit octal escapes (read greedily, never
 * more than three digits), everything above ASCII `\uXXXX` per UTF-16 unit.
 */
export function javaString(value: string): string {
  let out = '"';
  for (const unit of codeUnits(value)) {
    out += COMMON_ESCAPES[unit] ?? (PRINTABLE(unit) ? String.fromCharCode(unit) : unit < 0x80 ? `\\${unit.toString(8).padStart(3, "0")}` : `\\u${hex(unit, 4)}`);
  }
  return `${out}"`;
}

/** C# regular string: `\uXXXX` per UTF-16 unit (never `\x`, whose length is variable). */
export function csharpString(value: string): string {
  let out = '"';
  for (const unit of codeUnits(value)) out += COMMON_ESCAPES[unit] ?? (PRINTABLE(unit) ? String.fromCharCode(unit) : `\\u${hex(unit, 4)}`);
  return `${out}"`;
}

/** PHP double-quoted string (7.0+): `$` escaped so nothing is interpolated; `\u{…}` by code point. */
export function phpString(value: string): string {
  let out = '"';
  for (const cp of codePoints(value)) {
    if (cp === 0x24) out += "\\$";
    else out += COMMON_ESCAPES[cp] ?? (PRINTABLE(cp) ? String.fromCodePoint(cp) : cp < 0x80 ? `\\x${hex(cp, 2)}` : `\\u{${cp.toString(16)}}`);
  }
  return `${out}"`;
}

/**
 * A bash word: plain single quotes when the text is printable ASCII and line feeds (nothing
 * is special inside them but the quote), otherwise ANSI-C `$'…'` with the UTF-8 bytes as
 * `\xHH`. A shell variable cannot hold NUL: such a value has no literal (null).
 */
export function shellString(value: string): string | null {
  if (value.includes("\u0000")) return null;
  if (/^[\x20-\x7e\n]*$/.test(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  let out = "$'";
  for (const byte of new TextEncoder().encode(value)) {
    if (byte === 0x27) out += "\\'";
    else if (byte === 0x5c) out += "\\\\";
    else out += PRINTABLE(byte) ? String.fromCharCode(byte) : `\\x${hex(byte, 2)}`;
  }
  return `${out}'`;
}

// Characters shown as themselves inside comments. Left out: quote and backslash (they frame
// the text), `*` and `/` (`*/`, `//`), `?` and `>` (`?>` leaves PHP mode even inside a `//`
// comment) and `<`; everything else, line terminators included, is written `\x{HEX}`.
const COMMENT_SAFE = /^[A-Za-z0-9 !#$%&'()+,\-.:;=@[\]^_`{|}~]$/;

/** Text quoted for a `//` or `#` comment in any snippet language; it can never end the comment. */
export function commentString(value: string): string {
  let out = '"';
  for (const ch of value.toWellFormed()) out += COMMENT_SAFE.test(ch) ? ch : `\\x{${ch.codePointAt(0)!.toString(16)}}`;
  return `${out}"`;
}
