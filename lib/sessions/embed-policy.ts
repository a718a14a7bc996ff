import { isStrictOrigin, type TWorkflowDefinition } from "@/lib/workflows/definition";

/**
 * The CSP frame-ancestors value for a workflow's session pages: the builder's allow-list of
 * origins (normalised by ZAllowedOrigin), or 'none' when it is empty. Builder pages always
 * refuse framing (lib/http/security-headers.ts); only /s/* may use this. An origin outside the
 * strict grammar (one saved before the rule existed) is left out rather than written into
 * the header, where `;` or `,` would add directives or sources.
 */
export function sessionFrameAncestorsOf(definition: Pick<TWorkflowDefinition, "trigger">): string {
  const origins = definition.trigger.allowedOrigins.filter(isStrictOrigin);
  return origins.length === 0 ? "'none'" : origins.join(" ");
}
