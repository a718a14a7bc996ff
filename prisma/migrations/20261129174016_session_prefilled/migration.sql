-- Which fields a session started with values for (lib/sessions/prefilled-keys.ts), recorded
-- at creation because later answers overwrite the same keys in "data". IF NOT EXISTS: another
-- change may add the same column first.
ALTER TABLE "Session" ADD COLUMN IF NOT EXISTS "prefilled" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Existing sessions nobody has answered yet (open, still on the first step) hold exactly their
-- prefill; answered ones can't be told apart any more and keep an empty list.
UPDATE "Session"
   SET "prefilled" = ARRAY(SELECT e.key FROM jsonb_each("data") AS e WHERE e.value <> 'null'::jsonb)
 WHERE "status" = 'open' AND "currentStep" = 0 AND jsonb_typeof("data") = 'object' AND cardinality("prefilled") = 0;
