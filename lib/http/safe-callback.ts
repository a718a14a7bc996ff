// Where to send a user after sign-in. The value comes from the query string, so it is
// attacker-chosen: only a path on this origin may come out, read the way a browser will read it.

const BASE = "http://signet.invalid";

// Browsers drop tab, CR and LF anywhere in a URL and trim C0 controls and spaces at its ends
// ("/\t/evil.example" is read as "//evil.example", another origin), and some treat a backslash
// as a slash. Rather than imitate each reading, any such character refuses the value: no
// genuine path in this app contains one unencoded.
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\\\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * A same-origin path (with query and fragment) to redirect to, or `fallback`. The value is
 * parsed and normalised as a URL first, and the result is checked again, so dot segments
 * (`/.//evil.example` normalises to `//evil.example`) cannot turn it into another origin.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (UNSAFE.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE.test(path)) return fallback;
  return new URL(path, BASE).origin === BASE ? path : fallback;
}
