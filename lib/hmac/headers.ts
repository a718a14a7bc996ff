// Reading request headers the same way from a fetch `Headers` and from a plain record such as
// Node's IncomingHttpHeaders. Names are matched case-insensitively; repeated values are joined
// with ", " exactly as `Headers.get` does, so both inputs verify the same.

export type HeaderInput = Headers | Record<string, string | string[] | undefined>;

/** Longest header value a scheme will parse; longer is malformed (bounded work per request). */
export const MAX_HEADER_LENGTH = 8192;
/** Longest message id (the idempotency key) a scheme accepts; longer is malformed. */
export const MAX_MESSAGE_ID_LENGTH = 256;
/** Most signatures considered from one header (rotation needs two or three). */
export const MAX_SIGNATURES = 32;

function isFetchHeaders(headers: HeaderInput): headers is Headers {
  return typeof (headers as Headers).get === "function";
}

function normalise(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value.length === 0 ? undefined : value.join(", ")) : value;
}

// Header names come from settings, so they are few: lower-case each once, not per request.
const lowerCaseNames = new Map<string, string>();
function lowerCaseOf(name: string): string {
  let lower = lowerCaseNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCaseNames.size >= 256) lowerCaseNames.clear();
    lowerCaseNames.set(name, lower);
  }
  return lower;
}

/** The header's value, or undefined when absent or empty. */
export function readHeader(headers: HeaderInput, name: string): string | undefined {
  let value: string | undefined;
  if (isFetchHeaders(headers)) {
    value = headers.get(name) ?? undefined;
  } else if (Object.hasOwn(headers, name)) {
    value = normalise(headers[name]);
  } else {
    const lower = lowerCaseOf(name);
    if (Object.hasOwn(headers, lower)) {
      value = normalise(headers[lower]);
    } else {
      for (const key of Object.keys(headers)) {
        if (key.length === lower.length && key.toLowerCase() === lower) {
          value = normalise(headers[key]);
          break;
        }
      }
    }
  }
  return value === undefined || value.length === 0 ? undefined : value;
}
