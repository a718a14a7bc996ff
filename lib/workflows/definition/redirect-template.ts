// The redirect after completion: a URL template such as
// `https://portal.example.com/done?ref={orderId}`, filled from the session's answers.
// The scheme and host are always literal text the builder wrote: a placeholder may only stand
// after them (path, query, fragment), so no answer a participant types can send the browser
// to another site or to a `javascript:` URL. Values are URL-encoded.

export const MAX_REDIRECT_TEMPLATE_LENGTH = 2048;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
/** Scheme and host, then the first character that ends the host. */
const LITERAL_ORIGIN = /^https?:\/\/[^/?#{}\s]+[/?#]/i;

type TemplateValue = string | number | boolean;

/** The field keys a template names, in order of appearance (repeats kept). */
export function redirectTemplateKeys(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

function fill(template: string, valueOf: (key: string) => string): string {
  return template.replace(PLACEHOLDER, (_, key: string) => encodeURIComponent(valueOf(key)));
}

function httpUrl(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url : null;
}

/**
 * What is wrong with a template on its own (field keys are checked against the workflow by
 * the definition's workflow-wide rules), or null when it is usable.
 */
export function redirectTemplateProblem(template: string): string | null {
  if (template.length > MAX_REDIRECT_TEMPLATE_LENGTH) return `The redirect URL must be at most ${MAX_REDIRECT_TEMPLATE_LENGTH} characters`;
  const stray = template.replace(PLACEHOLDER, "").search(/[{}]/);
  if (stray !== -1) return "Placeholders look like {fieldKey}: a field key (letters, digits, _) in braces; a lone { or } is not allowed";
  if (/\s/.test(template)) return "The redirect URL must not contain spaces";
  if (!/^https?:\/\//i.test(template)) return "The redirect URL must start with https:// or http://";
  const first = template.search(PLACEHOLDER);
  if (first !== -1 && !LITERAL_ORIGIN.test(template.slice(0, first))) {
    return "Placeholders may only come after the host (in the path, query or fragment), e.g. https://portal.example.com/done?id={orderId}";
  }
  if (!httpUrl(fill(template, () => "x"))) return "The redirect URL is not a valid http(s) URL, e.g. https://portal.example.com/done?id={orderId}";
  return null;
}

/**
 * The redirect URL for a completed session: each placeholder replaced by the URL-encoded
 * answer (empty when there is none). Null when the result is not an http(s) URL, which a
 * template that passed redirectTemplateProblem never produces; checked again here because
 * what is stored is read back without trust.
 */
export function renderRedirectUrl(template: string, values: Readonly<Record<string, TemplateValue>>): string | null {
  if (redirectTemplateProblem(template) !== null) return null;
  const filled = fill(template, (key) => (Object.hasOwn(values, key) ? String(values[key]) : ""));
  return httpUrl(filled)?.href ?? null;
}
