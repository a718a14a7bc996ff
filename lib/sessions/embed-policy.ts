import type { TWorkflowDefinition } from "@/lib/workflows/definition";

/**
 * The CSP frame-ancestors value for a workflow's session pages: the builder's allow-list of
 * origins (already normalised by ZAllowedOrigin), or 'none' when it is empty. Builder pages
 * always refuse framing (lib/http/security-headers.ts); only /s/* may use this.
 */
export function sessionFrameAncestorsOf(definition: Pick<TWorkflowDefinition, "trigger">): string {
  const origins = definition.trigger.allowedOrigins;
  return origins.length === 0 ? "'none'" : origins.join(" ");
}
