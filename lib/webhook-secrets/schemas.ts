import { z } from "zod";

// Input of "create a signing secret", shared by the builder's form, its server action and
// the REST API.

/** Longest overlap a rotation may choose: 30 days. */
export const MAX_ROTATION_SECONDS = 30 * 24 * 3600;
/** The builder UI's default overlap when rotating (SPEC §3). */
export const DEFAULT_ROTATION_SECONDS = 72 * 3600;

export const ZCreateSecret = z
  .object({
    // Not trimmed here: validatePastedSecret trims and warns, so the builder learns about
    // the trailing newline they pasted.
    value: z.string().max(4096, "The secret is too long").optional(),
    format: z.enum(["whsec", "alphanumeric"]).optional(),
    expireOthersInSeconds: z
      .number()
      .int("Expiry must be a whole number of seconds")
      .min(0, "Expiry cannot be negative")
      .max(MAX_ROTATION_SECONDS, "Old secrets can stay valid for at most 30 days")
      .optional(),
  })
  .refine((input) => input.value === undefined || input.format === undefined, {
    message: "Give either a value to paste or a format to generate, not both",
    path: ["format"],
  });
export type TCreateSecret = z.infer<typeof ZCreateSecret>;

export interface SecretSummary {
  id: string;
  last4: string;
  format: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Verifies right now: not revoked and not expired. */
  active: boolean;
}
