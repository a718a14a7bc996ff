import { DEFAULT_HMAC_SETTINGS } from "@/lib/hmac/schemas";
import type { TWorkflowDefinition } from "./schemas";

/** What a new workflow starts with: HMAC off, one form step asking for an email, no mapping. */
export function defaultDefinition(): TWorkflowDefinition {
  return {
    trigger: {
      type: "webhook",
      hmac: { ...structuredClone(DEFAULT_HMAC_SETTINGS), enabled: false },
      allowedOrigins: [],
    },
    steps: [
      {
        type: "form",
        id: "details",
        title: "Your details",
        fields: [{ type: "email", key: "email", label: "Email", required: true }],
      },
    ],
    mapping: [],
  };
}
