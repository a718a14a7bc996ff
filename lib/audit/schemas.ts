import { z } from "zod";
import { ZInstantParam } from "@/lib/http/instant-param";
import { AUDIT_TARGET_TYPES, isAuditAction, type AuditAction, type AuditTargetType } from "./actions";

// Filters of the audit log, shared by the page and GET /api/v1/audit-events. `from` is
// inclusive, `to` exclusive.

const TARGET_TYPES = Object.keys(AUDIT_TARGET_TYPES) as [AuditTargetType, ...AuditTargetType[]];

export const ZAuditFilter = z
  .object({
    action: z
      .string()
      .refine(isAuditAction, { error: "action must be one of the audit actions (see the API reference)" })
      .transform((a) => a as AuditAction)
      .optional(),
    actor: z.email({ error: "actor must be an email address" }).max(320).optional(),
    targetType: z.enum(TARGET_TYPES, { error: `targetType must be one of: ${TARGET_TYPES.join(", ")}` }).optional(),
    target: z.string().max(200, "target must be at most 200 characters").optional(),
    workflow: z.string().max(200, "workflow must be at most 200 characters").optional(),
    from: ZInstantParam("from").optional(),
    to: ZInstantParam("to").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "from must be before to", path: ["to"] });

export type TAuditFilter = z.output<typeof ZAuditFilter>;
export const AUDIT_FILTER_PARAMS = ["action", "actor", "targetType", "target", "workflow", "from", "to"] as const;

// An empty value (a form's "any" option) means the filter is not set.
const filterInput = (params: URLSearchParams) => Object.fromEntries(AUDIT_FILTER_PARAMS.map((name) => [name, params.get(name) || undefined]));

/** For the API: invalid filters are a 422 naming each parameter. */
export function parseAuditFilter(params: URLSearchParams): TAuditFilter {
  return ZAuditFilter.parse(filterInput(params));
}

/** For the page: invalid filters are shown as messages and ignored, never an error page. */
export function readAuditFilter(params: URLSearchParams): { filter: TAuditFilter; problems: string[] } {
  const parsed = ZAuditFilter.safeParse(filterInput(params));
  return parsed.success ? { filter: parsed.data, problems: [] } : { filter: {}, problems: parsed.error.issues.map((i) => i.message) };
}
