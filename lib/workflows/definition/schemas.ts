import { z } from "zod";
import { parsePayloadPath } from "@/lib/workflows/mapping/payload-path";
import { missingOr, ZField, ZFieldKey } from "./field-schemas";
import { redirectTemplateKeys, redirectTemplateProblem } from "./redirect-template";
import { ZTrigger } from "./trigger-schemas";

export * from "./field-schemas";
export * from "./trigger-schemas";

// The workflow definition: the JSON the builder edits, the API accepts and versions store.
// Steps and triggers are discriminated unions; rules that span the whole workflow (unique
// ids and keys, mapping targets) live in one refinement at the root.

export const MAX_STEPS = 50;
export const MAX_FIELDS_PER_STEP = 100;
export const MAX_MAPPINGS = 500;

export const ZStepId = z
  .string({ error: "Step id is required" })
  .min(1, "Step id is required")
  .max(64, "Step id must be at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Step id may contain only lowercase letters, digits and single hyphens (e.g. your-details)");

export const ZFormStep = z.object({
  type: z.literal("form"),
  id: ZStepId,
  title: z.string({ error: "Title is required" }).trim().min(1, "Title is required").max(200, "Title must be at most 200 characters"),
  description: z.string().max(5000, "Description must be at most 5000 characters").optional(),
  // An empty step is allowed so a draft stays savable while the builder rearranges fields.
  fields: z.array(ZField, { error: "Fields must be a list" }).max(MAX_FIELDS_PER_STEP, `A step can have at most ${MAX_FIELDS_PER_STEP} fields`),
});
export type TFormStep = z.infer<typeof ZFormStep>;

export const STEP_TYPES = ["form"] as const;
export const ZStep = z.discriminatedUnion("type", [ZFormStep], {
  error: missingOr("Step type is required", `Step type must be one of: ${STEP_TYPES.join(", ")}`),
});
export type TStep = z.infer<typeof ZStep>;

export const ZPayloadPath = z.string({ error: "Payload path is required" }).superRefine((path, ctx) => {
  const parsed = parsePayloadPath(path);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
});

export const ZMappingEntry = z.object({
  from: ZPayloadPath,
  to: ZFieldKey,
  // Strict entry: a payload without a usable value here is refused (422) instead of starting
  // a session with the field left empty and a warning.
  required: z.boolean({ error: "Required must be true or false" }).optional(),
});
export type TMappingEntry = z.infer<typeof ZMappingEntry>;

/** Where the participant goes once the session is completed: an http(s) URL with {fieldKey} placeholders. */
const ZRedirectUrlTemplate = z.string({ error: "The redirect URL must be text" }).superRefine((template, ctx) => {
  const problem = redirectTemplateProblem(template);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const ZCompletion = z.object({
  url: z.url({ protocol: /^https?$/, error: "Completion URL must be an http(s) URL, e.g. https://api.example.com/hooks/done" })
    .max(2048, "Completion URL must be at most 2048 characters")
    .optional(),
  redirectUrl: ZRedirectUrlTemplate.optional(),
}, { error: "Completion must be an object" });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Workflow-wide rules. Written over `unknown` and run even when other parts failed
 * (`when: () => true`), so a builder sees a duplicate key together with every other
 * problem instead of one round of errors at a time.
 */
function checkWorkflowWideRules(definition: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(definition)) return;
  const stepIds = new Set<string>();
  const fieldKeys = new Set<string>();
  listOf(definition.steps).forEach((step, stepIndex) => {
    if (!isRecord(step)) return;
    if (typeof step.id === "string" && step.id !== "") {
      if (stepIds.has(step.id)) {
        ctx.addIssue({ code: "custom", message: `Duplicate step id "${step.id}"`, path: ["steps", stepIndex, "id"] });
      }
      stepIds.add(step.id);
    }
    listOf(step.fields).forEach((field, fieldIndex) => {
      if (!isRecord(field) || typeof field.key !== "string" || field.key === "") return;
      if (fieldKeys.has(field.key)) {
        ctx.addIssue({
          code: "custom",
          message: `Duplicate field key "${field.key}"; keys must be unique across all steps`,
          path: ["steps", stepIndex, "fields", fieldIndex, "key"],
        });
      }
      fieldKeys.add(field.key);
    });
  });
  const targets = new Set<string>();
  listOf(definition.mapping).forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.to !== "string" || entry.to === "") return;
    if (targets.has(entry.to)) {
      ctx.addIssue({ code: "custom", message: `Field "${entry.to}" is already mapped`, path: ["mapping", index, "to"] });
    } else if (!fieldKeys.has(entry.to)) {
      ctx.addIssue({ code: "custom", message: `No field with key "${entry.to}"`, path: ["mapping", index, "to"] });
    }
    targets.add(entry.to);
  });
  const completion = definition.completion;
  if (isRecord(completion) && typeof completion.redirectUrl === "string") {
    const unknown = [...new Set(redirectTemplateKeys(completion.redirectUrl).filter((key) => !fieldKeys.has(key)))];
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown field key${unknown.length === 1 ? "" : "s"} ${unknown.map((k) => `{${k}}`).join(", ")} in the redirect URL; placeholders must name a field of this workflow`,
        path: ["completion", "redirectUrl"],
      });
    }
  }
}

export const ZWorkflowDefinition = z
  .object({
    trigger: ZTrigger,
    steps: z
      .array(ZStep, { error: missingOr("At least one step is required", "Steps must be a list") })
      .min(1, "A workflow needs at least one step")
      .max(MAX_STEPS, `A workflow can have at most ${MAX_STEPS} steps`),
    mapping: z.array(ZMappingEntry, { error: "Mapping must be a list" }).max(MAX_MAPPINGS, `At most ${MAX_MAPPINGS} mappings`).default([]),
    completion: ZCompletion.optional(),
  }, { error: "The definition must be an object with trigger, steps and mapping" })
  .superRefine(checkWorkflowWideRules, { when: () => true });

export type TWorkflowDefinition = z.infer<typeof ZWorkflowDefinition>;
/** What callers may send: defaults (hmac, required, mapping, allowedOrigins) filled in by parsing. */
export type TWorkflowDefinitionInput = z.input<typeof ZWorkflowDefinition>;
