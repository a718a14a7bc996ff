import { z } from "zod";

export const ZWorkflowName = z.string().trim().min(1, "Give the workflow a name").max(120, "Use at most 120 characters");

export const ZCreateWorkflow = z.object({ name: ZWorkflowName, definition: z.unknown().optional() });

export const ZUpdateWorkflow = z.object({
  name: ZWorkflowName.optional(),
  definition: z.unknown().optional(),
  /** The draft revision the edit was based on; a mismatch means someone else saved first. */
  expectedRevision: z.number().int().positive().optional(),
});
