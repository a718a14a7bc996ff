import { z } from "zod";

// Completion webhooks: what an endpoint subscribes to and what the management API and the
// builder accept. One set of schemas for the API handlers and the server actions.

export const EVENT_TYPES = ["session.started", "session.step_completed", "session.completed"] as const;
export const ZEventType = z.enum(EVENT_TYPES);
export type TEventType = z.infer<typeof ZEventType>;

/** Longest accepted endpoint URL (receivers' URLs are short; this bounds what we store and log). */
const MAX_URL_LENGTH = 2048;

export const ZEndpointUrl = z
  .string({ error: "url is required" })
  .trim()
  .max(MAX_URL_LENGTH, `url must be at most ${MAX_URL_LENGTH} characters`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "url is not a valid absolute URL, e.g. https://example.com/webhooks/signet" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") ctx.addIssue({ code: "custom", message: `url must use http or https, not ${url.protocol.replace(":", "")}` });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "url must not contain a user name or password" });
    else if (url.hash) ctx.addIssue({ code: "custom", message: "url must not contain a #fragment" });
  });

const ZDescription = z.string().trim().max(500, "description must be at most 500 characters");
const ZEvents = z.array(ZEventType, { error: `events must be a list of ${EVENT_TYPES.join(", ")}` }).min(1, "events must name at least one event type");

export const ZCreateEndpoint = z.object({
  url: ZEndpointUrl,
  description: ZDescription.optional(),
  events: ZEvents.default(["session.completed"]),
  enabled: z.boolean().default(true),
});


export const ZUpdateEndpoint = z
  .object({
    url: ZEndpointUrl.optional(),
    description: ZDescription.nullable().optional(),
    events: ZEvents.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();


/** Rotation: how long the old secret keeps signing beside the new one (default 24 h, at most 7 days). */
export const ZRotateEndpointSecret = z.object({
  expireOldInSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(24 * 3600),
});

export const ZRecoverMessages = z.object({
  since: z.coerce.date({ error: "since must be an ISO date-time, e.g. 2026-11-29T12:00:00Z" }),
});

export const ENDPOINT_DISABLED_REASONS = {
  manual: "Disabled by a user.",
  gone: "The receiver answered 410 Gone.",
  failing: "Every attempt failed for 5 days.",
} as const;
export type TDisabledReason = keyof typeof ENDPOINT_DISABLED_REASONS;
