import type { TField, TFieldType, TFormStep, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { ZHmacSettings, type THmacScheme, type THmacSettings } from "@/lib/hmac/schemas";

// Pure helpers of the builder's client-side form state. The state is the definition itself
// (the same JSON the API takes), so what is saved is exactly what the builder sees.

export type Issues = Record<string, string>;

export const FIELD_TYPE_LABELS: Record<TFieldType, string> = {
  text: "Text",
  email: "Email",
  number: "Number",
  date: "Date",
  select: "Select (options)",
  checkbox: "Checkbox",
  textarea: "Long text",
  hidden: "Hidden (prefilled, never shown)",
};

export const SCHEME_LABELS: Record<THmacScheme, string> = {
  "prefixed-hex": "Prefixed hex (sha256=…)",
  "plain-hex": "Plain hex",
  "standard-webhooks": "Standard Webhooks",
  stripe: "Stripe-style",
  slack: "Slack-style",
  github: "GitHub-style",
  shopify: "Shopify-style",
  custom: "Custom",
};

export const ALGORITHM_LABELS: Record<THmacSettings["algorithm"], string> = {
  sha256: "SHA-256 (recommended)",
  sha384: "SHA-384",
  sha512: "SHA-512",
  sha1: "SHA-1 (legacy, weak)",
  ripemd128: "RIPEMD-128",
  ripemd160: "RIPEMD-160",
};

/** The issue for an exact path, e.g. ["steps", 0, "fields", 1, "key"] → "steps.0.fields.1.key". */
export function issueAt(issues: Issues, path: (string | number)[]): string | undefined {
  return issues[path.join(".")];
}

/** A DOM id for an input at a definition path. */
export function inputId(path: (string | number)[]): string {
  return `def-${path.join("-")}`;
}

function unique(base: string, taken: Set<string>, separator = ""): string {
  for (let n = 1; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function allFieldKeys(definition: TWorkflowDefinition): string[] {
  return definition.steps.flatMap((step) => step.fields.map((field) => field.key));
}

export function newField(definition: TWorkflowDefinition): TField {
  const key = unique("field", new Set(allFieldKeys(definition)));
  return { type: "text", key, label: "", required: false };
}

export function newStep(definition: TWorkflowDefinition): TFormStep {
  const id = unique("step", new Set(definition.steps.map((s) => s.id)), "-");
  return { type: "form", id, title: "", fields: [newField(definition)] };
}

/** A field of another type keeps its key, label, required flag and help text. */
export function withFieldType(field: TField, type: TFieldType): TField {
  const common = { key: field.key, label: field.label, required: field.required, placeholder: field.placeholder, help: field.help, readOnly: field.readOnly };
  if (type === "select") {
    return { ...common, type, options: field.type === "select" ? field.options : [{ value: "option-1", label: "Option 1" }] };
  }
  return { ...common, type } as TField;
}

/** HMAC settings for another scheme, keeping on/off, algorithm, tolerance and (where it applies) the message id path. */
export function withScheme(current: THmacSettings, scheme: THmacScheme): THmacSettings {
  const common = {
    enabled: current.enabled,
    algorithm: current.algorithm,
    toleranceSeconds: current.toleranceSeconds,
    ...(scheme === "standard-webhooks" ? {} : { messageIdPath: current.messageIdPath }),
  };
  if (scheme === "custom") {
    return ZHmacSettings.parse({ ...common, scheme, custom: { header: "X-Signature" } });
  }
  return ZHmacSettings.parse({ ...common, scheme });
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

