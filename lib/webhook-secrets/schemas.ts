import { z } from "zod";

// Input of "create a signing secret", shared by the builder's form, its server action and
// the REST API.

/** Longest overlap a rotation may choose: 30 days. */
export const MAX_ROTATION_SECONDS = 30 * 24 * 3600;
/** The overlap of a rotation when none is given: 72 hours. */
export const DEFAULT_ROTATION_SECONDS = 72 * 3600;

export const ZCreateSecret = z
  .object({
    // Not trimmed here: validatePastedSecret trims and warns, so the builder learns about
    // the trailing newline they pasted.
    value: z.string().max(4096, "The secret is too long").optional(),
    format: z.enum(["whsec", "alphanumeric"]).optional(),
    // replace: the other secrets stop verifying now; rotate: they stay valid until the expiry.
    // Absent: replace while no live request has verified with them, rotate afterwards.
    mode: z.enum(["replace", "rotate"], { error: 'Mode must be "replace" or "rotate"' }).optional(),
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
  })
  .refine((input) => input.mode !== "replace" || input.expireOthersInSeconds === undefined, {
    message: "Replace revokes the other secrets now; an expiry applies only to rotate",
    path: ["expireOthersInSeconds"],
  });

export interface SecretSummary {
  id: string;
  last4: string;
  format: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Last time a live request verified with it (to the hour); null if never. */
  lastVerifiedAt: Date | null;
  /** Verifies right now: not revoked and not expired. */
  active: boolean;
}

/** "Create a signing secret" as the builder's panel and its server action pass it. */
export type TCreateSecretInput = z.input<typeof ZCreateSecret>;

/** What the builder's panel is told about a secret it just created (the full value, shown once). */
export interface CreatedSecretView {
  id: string;
  secret: string;
  last4: string;
  warnings: string[];
  expiredOthers: number;
  revokedOthers: number;
  mode: "replace" | "rotate";
}
