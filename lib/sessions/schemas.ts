import { z } from "zod";

/**
 * The body of POST /api/sessions/{token}/steps/{stepId}: the answers to that step by field
 * key. Values may be JSON strings, numbers, booleans or null; each is checked by its field's
 * rules (the page's), so a wrong value is a message on that field, not a refusal of the body.
 */
export const ZSessionAnswers = z.object(
  {
    answers: z.record(z.string(), z.unknown(), { error: "answers must be an object of field key → value" }),
  },
  { error: "Send { \"answers\": { \"fieldKey\": value, … } }" },
);
