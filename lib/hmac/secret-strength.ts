import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// Strength of a pasted secret, estimated with zxcvbn-ts (common passwords, English words,
// keyboard walks, repeats, sequences, dates). A count of characters times the alphabet's size
// would call `aaaa…` (36×) or `password1234567890` strong; zxcvbn sees what they are. For truly
// random text it is conservative (about 3.3 bits per character), which errs on the safe side.
// The dictionaries are several MB, so they load on the first paste, never on the webhook path.

export const MIN_SECRET_BITS = 64;
export const RECOMMENDED_SECRET_BITS = 128;

let factory: Promise<ZxcvbnFactory> | null = null;

function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // A secret is up to 512 characters; the estimate of the first 256 bounds the work.
      maxLength: 256,
    });
  })();
  return factory;
}

export type SecretStrength =
  | { verdict: "refuse"; bits: number; message: string }
  | { verdict: "warn"; bits: number; message: string }
  | { verdict: "ok"; bits: number };

/** Estimated bits of strength: refused below 64, a warning below 128. */
export async function assessSecretStrength(secret: string): Promise<SecretStrength> {
  const result = (await zxcvbn()).check(secret);
  const bits = Math.floor(result.guessesLog10 * Math.log2(10));
  if (bits < MIN_SECRET_BITS) {
    return {
      verdict: "refuse",
      bits,
      message: `This secret is too easy to guess: about ${bits} bits of strength, and at least ${MIN_SECRET_BITS} are required (it looks like ${describe(result.sequence.map((m) => m.pattern))}). Generate one instead.`,
    };
  }
  if (bits < RECOMMENDED_SECRET_BITS) {
    return { verdict: "warn", bits, message: `The secret has about ${bits} bits of strength; at least ${RECOMMENDED_SECRET_BITS} are recommended (e.g. a generated whsec_ secret).` };
  }
  return { verdict: "ok", bits };
}

const PATTERN_WORDS: Record<string, string> = {
  dictionary: "common words or passwords",
  repeat: "repeated characters",
  sequence: "a sequence like abc or 123",
  spatial: "a keyboard pattern",
  date: "a date",
  regex: "a year or a simple pattern",
};

function describe(patterns: string[]): string {
  const words = [...new Set(patterns.map((p) => PATTERN_WORDS[p]).filter((w): w is string => w !== undefined))];
  return words.length > 0 ? words.join(" and ") : "short random text";
}
