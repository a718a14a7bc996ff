import { z } from "zod";

// Form fields: one union entry per input type. Adding a type means an entry here, its
// coercion in lib/workflows/mapping/coerce-field-value.ts and its tests.

// Keys become HTML names, JSON keys of session data and mapping targets, so they stay
// identifier-like. Names that already live on Object.prototype are refused: code that
// reads `data[key]` on a plain object would otherwise find an inherited function.
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

export const ZFieldKey = z
  .string({ error: "Key is required" })
  .min(1, "Key is required")
  .max(64, "Key must be at most 64 characters")
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "Key must start with a letter and contain only letters, digits and _")
  .refine((key) => !RESERVED_KEYS.has(key), { error: (issue) => `"${String(issue.input)}" is reserved; choose another key` });

const label = z.string({ error: "Label is required" }).trim().min(1, "Label is required").max(200, "Label must be at most 200 characters");

const common = {
  key: ZFieldKey,
  label,
  required: z.boolean({ error: "Required must be true or false" }).default(false),
  placeholder: z.string().max(200, "Placeholder must be at most 200 characters").optional(),
  help: z.string().max(1000, "Help text must be at most 1000 characters").optional(),
  // Shows the prefilled value without letting the participant change it (see lockedField).
  readOnly: z.boolean({ error: "Read-only must be true or false" }).optional(),
};

const maxLength = z
  .number({ error: "Maximum length must be a number" })
  .int("Maximum length must be a whole number")
  .min(1, "Maximum length must be at least 1")
  .max(100_000, "Maximum length must be at most 100000")
  .optional();

export const ZTextField = z.object({ type: z.literal("text"), ...common, maxLength });
export const ZTextareaField = z.object({ type: z.literal("textarea"), ...common, maxLength });
export const ZEmailField = z.object({ type: z.literal("email"), ...common });
export const ZDateField = z.object({ type: z.literal("date"), ...common });
export const ZCheckboxField = z.object({ type: z.literal("checkbox"), ...common });
/** Prefilled from the payload and stored with the answers, never shown to the participant. */
export const ZHiddenField = z.object({ type: z.literal("hidden"), ...common });

// zod 4 numbers are finite already (no Infinity/NaN).
const finite = (what: string) => z.number({ error: `${what} must be a number` });

export const ZNumberField = z
  .object({ type: z.literal("number"), ...common, min: finite("Minimum").optional(), max: finite("Maximum").optional() })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    message: "Maximum must be greater than or equal to the minimum",
    path: ["max"],
  });

export const ZSelectOption = z.object({
  value: z.string({ error: "Option value is required" }).min(1, "Option value is required").max(200, "Option value must be at most 200 characters"),
  label,
});

export const ZSelectField = z
  .object({
    type: z.literal("select"),
    ...common,
    options: z
      .array(ZSelectOption, { error: "Options must be a list" })
      .min(1, "A select needs at least one option")
      .max(500, "A select can have at most 500 options"),
  })
  .superRefine((field, ctx) => {
    const seen = new Set<string>();
    field.options.forEach((option, index) => {
      if (seen.has(option.value)) {
        ctx.addIssue({ code: "custom", message: `Duplicate option value "${option.value}"`, path: ["options", index, "value"] });
      }
      seen.add(option.value);
    });
  });

/** A zod error map that tells "missing" apart from "wrong", for messages shown next to inputs. */
export function missingOr(missing: string, wrong: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong);
}

export const FIELD_TYPES = ["text", "email", "number", "date", "select", "checkbox", "textarea", "hidden"] as const;

export const ZField = z.discriminatedUnion(
  "type",
  [ZTextField, ZEmailField, ZNumberField, ZDateField, ZSelectField, ZCheckboxField, ZTextareaField, ZHiddenField],
  { error: missingOr("Field type is required", `Field type must be one of: ${FIELD_TYPES.join(", ")}`) },
);
export type TField = z.infer<typeof ZField>;
export type TFieldType = TField["type"];

/**
 * A field the participant cannot change: hidden, or read-only. Its value is the prefill (or
 * nothing): whatever a browser submits for it is ignored, and `required` is not asked of the
 * participant, who could not act on it. A payload must carry the value when the mapping
 * entry says `required: true`.
 */
export function lockedField(field: TField): boolean {
  return field.type === "hidden" || field.readOnly === true;
}
