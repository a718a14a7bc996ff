import slugify from "@sindresorhus/slugify";
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

/** What the "add field" picker says about each type. */
export const FIELD_TYPE_DESCRIPTIONS: Record<TFieldType, string> = {
  text: "One line: a name, a company, an order number.",
  email: "An email address, checked for its shape.",
  number: "A number, with optional minimum and maximum.",
  date: "A calendar date (the browser's date picker).",
  select: "One choice from a list of options.",
  checkbox: "A yes/no tick box, e.g. consent.",
  textarea: "Several lines of free text.",
  hidden: "Carries a prefilled value from the payload; never shown.",
};

/** The issue for an exact path, e.g. ["steps", 0, "fields", 1, "key"] → "steps.0.fields.1.key". */
export function issueAt(issues: Issues, path: (string | number)[]): string | undefined {
  return issues[path.join(".")];
}

/** A DOM id for an input at a definition path. */
export function inputId(path: (string | number)[]): string {
  return `def-${path.join("-")}`;
}

/** `base`, or `base{n}` (n from 2) if taken: "email", "email2". */
function unique(base: string, taken: ReadonlySet<string>, separator = ""): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// Keys, step ids and option values are derived from what the builder types as a label, so
// nobody has to invent `field1`. A derived one keeps following its label until the builder
// edits it by hand (it then no longer equals what its label derives to).

/** A field key for a label: "Full name" → "fullName"; a letter first, unique in `taken`. */
export function fieldKeyFor(label: string, taken: ReadonlySet<string>): string {
  const words = slugify(label).split("-").filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  if (!/^[a-z]/i.test(base)) base = base ? `field${base}` : "field";
  return unique(base.slice(0, 60), taken);
}

/** A step id for a title: "Your plan" → "your-plan", unique in `taken`. */
export function stepIdFor(title: string, taken: ReadonlySet<string>): string {
  return unique(slugify(title).slice(0, 60).replace(/-+$/, "") || "step", taken, "-");
}

/** An option value for its label: "Pro plan" → "pro-plan", unique in `taken`. */
export function optionValueFor(label: string, taken: ReadonlySet<string>): string {
  return unique(slugify(label).slice(0, 60).replace(/-+$/, "") || "option", taken, "-");
}

export function allFieldKeys(definition: TWorkflowDefinition): string[] {
  return definition.steps.flatMap((step) => step.fields.map((field) => field.key));
}

/** Every key in the form except the one at this position (a key never collides with itself). */
export function otherFieldKeys(definition: TWorkflowDefinition, stepIndex: number, fieldIndex: number): Set<string> {
  return new Set(definition.steps.flatMap((step, s) => step.fields.filter((_, f) => s !== stepIndex || f !== fieldIndex).map((field) => field.key)));
}

export function newField(definition: TWorkflowDefinition, type: TFieldType = "text"): TField {
  const key = fieldKeyFor("", new Set(allFieldKeys(definition)));
  return withFieldType({ type: "text", key, label: "", required: false }, type);
}

export function newStep(definition: TWorkflowDefinition): TFormStep {
  const id = stepIdFor("", new Set(definition.steps.map((s) => s.id)));
  return { type: "form", id, title: "", fields: [newField(definition)] };
}

/** A new label for a field; its key follows when it was derived from the old label and is not published. */
export function relabelField(field: TField, label: string, others: ReadonlySet<string>, frozen: boolean): TField {
  const derived = !frozen && field.key === fieldKeyFor(field.label, others);
  return { ...field, label, key: derived ? fieldKeyFor(label, others) : field.key };
}

/** A new title for a step; its id follows when it was derived from the old title. */
export function retitleStep(step: TFormStep, title: string, others: ReadonlySet<string>): TFormStep {
  const derived = step.id === stepIdFor(step.title, others);
  return { ...step, title, id: derived ? stepIdFor(title, others) : step.id };
}

type SelectOption = { value: string; label: string };

/** A new label for option `index`; its value follows when derived from the old label and not published. */
export function relabelOption(options: readonly SelectOption[], index: number, label: string, frozen: boolean): SelectOption[] {
  const others = new Set(options.filter((_, i) => i !== index).map((o) => o.value));
  return options.map((o, i) => {
    if (i !== index) return o;
    const derived = !frozen && o.value === optionValueFor(o.label, others);
    return { label, value: derived ? optionValueFor(label, others) : o.value };
  });
}

export function newOption(options: readonly SelectOption[]): SelectOption {
  const label = `Option ${options.length + 1}`;
  return { label, value: optionValueFor(label, new Set(options.map((o) => o.value))) };
}

/** A field of another type keeps its key, label, required flag and help text. */
export function withFieldType(field: TField, type: TFieldType): TField {
  const common = { key: field.key, label: field.label, required: field.required, placeholder: field.placeholder, help: field.help, readOnly: field.readOnly };
  if (type === "select") {
    return { ...common, type, options: field.type === "select" ? field.options : [newOption([])] };
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

