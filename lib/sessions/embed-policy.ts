import { isStrictOrigin, type TWorkflowDefinition } from "@/lib/workflows/definition";

/**
 * The origins that may embed a workflow's session pages: the builder's allow-list
 * (normalised by ZAllowedOrigin). An origin outside the strict grammar (one saved before the
 * rule existed) is left out rather than written into a header, where `;` or `,` would add
 * directives or sources. The same list decides framing (CSP frame-ancestors), where the
 * embedded page posts its portal events, and which origins the session API answers CORS for.
 */
export function embeddingOriginsOf(definition: Pick<TWorkflowDefinition, "trigger">): string[] {
  return definition.trigger.allowedOrigins.filter(isStrictOrigin);
}

/**
 * The CSP frame-ancestors value for a workflow's session pages: its embedding origins, or
 * 'none' when there are none. Builder pages always refuse framing
 * (lib/http/security-headers.ts); only /s/* may use this.
 */
export function sessionFrameAncestorsOf(definition: Pick<TWorkflowDefinition, "trigger">): string {
  return frameAncestorsFor(embeddingOriginsOf(definition));
}

export function frameAncestorsFor(origins: readonly string[]): string {
  return origins.length === 0 ? "'none'" : origins.join(" ");
}
