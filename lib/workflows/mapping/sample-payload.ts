import type { TField, TWorkflowDefinition } from "@/lib/workflows/definition/schemas";
import { parsePayloadPath, type TPayloadPathSegment } from "./payload-path";

// An example payload for a workflow: every mapped path holds a value its field accepts, so the
// snippets' sample (and the embed snippet run as shown) starts a session with every mapped
// field prefilled and no warning.

const FALLBACK = { customer: { email: "ada@example.com", name: "Ada Lovelace" } };

function exampleFor(field: TField): unknown {
  switch (field.type) {
    case "email":
      return "ada@example.com";
    case "number":
      return field.min ?? (field.max !== undefined && field.max < 1 ? field.max : 1);
    case "date":
      return "2027-03-01";
    case "select":
      return field.options[0]!.value;
    case "checkbox":
      return true;
    case "hidden":
      return `example-${field.key}`;
    case "text":
    case "textarea": {
      const text = field.type === "text" && /name/i.test(field.key) ? "Ada Lovelace" : `Example ${field.label}`;
      return field.maxLength !== undefined ? [...text].slice(0, field.maxLength).join("") : text;
    }
  }
}

function place(root: Record<string, unknown>, segments: TPayloadPathSegment[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = root;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const next = segments[i + 1];
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[segment] = value;
      return;
    }
    const existing = container[segment];
    if (typeof existing !== "object" || existing === null) container[segment] = typeof next === "number" ? [] : {};
    node = container[segment] as Record<string, unknown> | unknown[];
  });
}

export function samplePayload(definition: TWorkflowDefinition): unknown {
  const fields = new Map(definition.steps.flatMap((step) => step.fields.map((field) => [field.key, field] as const)));
  const payload: Record<string, unknown> = {};
  let placed = 0;
  const idPath = definition.trigger.hmac.messageIdPath;
  if (idPath !== undefined) {
    const path = parsePayloadPath(idPath);
    if (path.ok) place(payload, path.segments, "evt_1001");
  }
  for (const entry of definition.mapping) {
    const field = fields.get(entry.to);
    const path = parsePayloadPath(entry.from);
    if (!field || !path.ok) continue;
    // Array slots before the index are filled so the path exists as written.
    place(payload, path.segments, exampleFor(field));
    placed++;
  }
  if (placed === 0) return idPath === undefined ? FALLBACK : { ...payload, ...FALLBACK };
  return fillHoles(payload);
}

/** `items[2].sku` leaves items[0] and items[1] empty: make them null, which JSON can say. */
function fillHoles(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (item) => (item === undefined ? null : fillHoles(item)));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillHoles(v)]));
  return value;
}
