import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/audit/actions";
import { ZSessionAnswers } from "@/lib/sessions/schemas";
import { ZCreateSecret } from "@/lib/webhook-secrets/schemas";
import { ZWorkflowDefinition } from "@/lib/workflows/definition";
import { ZCreateWorkflow, ZUpdateWorkflow } from "@/lib/workflows/schemas";

// Component schemas of the OpenAPI document. Inputs are generated from the same zod schemas
// the handlers validate with, so the description cannot drift from what is accepted;
// response shapes are written out by hand (they are plain objects, not zod schemas).

type JsonSchema = Record<string, unknown>;

function fromZod(schema: z.ZodType): JsonSchema {
  // "input": what a client may send (defaults optional); refinements that JSON Schema can't
  // express are left out rather than failing the whole document.
  const generated = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  // Embedded in an OpenAPI document, which sets the dialect once for all schemas.
  delete generated.$schema;
  return generated;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const dateTime = { type: "string", format: "date-time" };
const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: "null" }] });

export function componentSchemas(): Record<string, JsonSchema> {
  const definition = fromZod(ZWorkflowDefinition);
  return {
    WorkflowDefinition: definition,
    SessionAnswers: fromZod(ZSessionAnswers),
    SessionState: {
      type: "object",
      required: ["status", "step", "values"],
      properties: {
        status: { type: "string", enum: ["open", "completed"] },
        step: nullable({
          type: "object",
          required: ["index", "id", "title", "fields"],
          properties: {
            index: { type: "integer", minimum: 0 },
            id: { type: "string" },
            title: { type: "string" },
            description: { type: "string" },
            fields: { type: "array", items: { type: "object" }, description: "The step's fields as in the workflow definition; hidden fields are left out." },
          },
        }),
        values: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] }, description: "The saved answer or prefill of the current step's fields." },
        redirectUrl: { type: "string", format: "uri", description: "Once completed: where to send the participant (the workflow's redirect template, filled in)." },
      },
    },
    CreateWorkflow: { ...fromZod(ZCreateWorkflow), properties: { name: { type: "string", minLength: 1, maxLength: 120 }, definition: ref("WorkflowDefinition") } },
    UpdateWorkflow: {
      ...fromZod(ZUpdateWorkflow),
      properties: {
        name: { type: "string", minLength: 1, maxLength: 120 },
        definition: ref("WorkflowDefinition"),
        expectedRevision: { type: "integer", minimum: 1, description: "The draftRevision the edit is based on; a mismatch answers 409." },
      },
    },
    Publish: {
      type: "object",
      properties: {
        expectedRevision: { type: "integer", minimum: 1, description: "Publish only if the draft is still at this revision (with `definition`: save it only then)." },
        definition: { ...ref("WorkflowDefinition"), description: "Save this as the draft and publish it, in one step." },
      },
      additionalProperties: false,
    },
    Published: {
      type: "object",
      properties: {
        version: { type: "integer", description: "The live version: new, or the current one when nothing changed." },
        publishedAt: dateTime,
        unchanged: { type: "boolean", description: "True when the draft equalled the live version and no version was made." },
        draftRevision: { type: "integer" },
      },
    },
    CreateSecret: {
      ...fromZod(ZCreateSecret),
      description:
        "Give `value` to paste a secret (checked against the scheme's key rule; refused below 64 bits of estimated strength, warned below 128), or `format` to generate one (default whsec). `mode: \"replace\"` revokes the other active secrets now; `mode: \"rotate\"` keeps them valid for `expireOthersInSeconds` (default 72 h). `expireOthersInSeconds` alone means rotate. Without a mode: replace while no live request has verified with the existing secrets, rotate afterwards.",
    },
    Error: {
      type: "object",
      required: ["error", "code"],
      properties: {
        error: { type: "string", description: "For humans." },
        code: { type: "string", description: "Machine-readable reason, e.g. not_found, forbidden, invalid_definition." },
        issues: { type: "array", items: { type: "object", required: ["path", "message"], properties: { path: { type: "array", items: { type: ["string", "integer"] } }, message: { type: "string" } } } },
      },
    },
    WorkflowUrls: {
      type: "object",
      properties: {
        hookUrl: { type: "string", format: "uri" },
        testUrl: { type: "string", format: "uri" },
        directLinkUrl: { type: "string", format: "uri" },
      },
    },
    WorkflowSummary: {
      allOf: [
        ref("WorkflowUrls"),
        {
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            slug: { type: "string" },
            hookId: { type: "string" },
            draftRevision: { type: "integer" },
            published: nullable({ type: "object", properties: { version: { type: "integer" }, publishedAt: dateTime } }),
            createdAt: dateTime,
            updatedAt: dateTime,
          },
        },
      ],
    },
    Workflow: {
      allOf: [
        ref("WorkflowSummary"),
        {
          type: "object",
          properties: {
            qrSvgUrl: { type: "string", format: "uri" },
            qrPngUrl: { type: "string", format: "uri" },
            definition: { ...ref("WorkflowDefinition"), description: "The draft." },
            published: nullable({ type: "object", properties: { version: { type: "integer" }, publishedAt: dateTime, definition: ref("WorkflowDefinition") } }),
            hasUnpublishedChanges: { type: "boolean" },
          },
        },
      ],
    },
    Secret: {
      type: "object",
      properties: {
        id: { type: "string" },
        last4: { type: "string" },
        format: { type: "string", enum: ["whsec", "alphanumeric", "pasted"] },
        createdAt: dateTime,
        expiresAt: nullable(dateTime),
        revokedAt: nullable(dateTime),
        lastVerifiedAt: nullable({ ...dateTime, description: "When a live request last verified with it (to the hour)." }),
        active: { type: "boolean", description: "Verifies right now: not revoked, not expired." },
      },
    },
    CreatedSecret: {
      type: "object",
      properties: {
        id: { type: "string" },
        secret: { type: "string", description: "The full value. Returned only here: store it now." },
        last4: { type: "string" },
        format: { type: "string" },
        createdAt: dateTime,
        warnings: { type: "array", items: { type: "string" } },
        mode: { type: "string", enum: ["replace", "rotate"] },
        expiredOthers: { type: "integer", description: "Rotate: how many older secrets now expire." },
        othersExpireAt: nullable({ ...dateTime, description: "Rotate: when they expire." }),
        revokedOthers: { type: "integer", description: "Replace: how many older secrets were revoked now." },
      },
    },
    Session: {
      type: "object",
      properties: {
        id: { type: "string" },
        workflowId: { type: "string" },
        status: { type: "string", enum: ["open", "completed"] },
        test: { type: "boolean" },
        source: { type: "string", enum: ["webhook", "direct_link", "api"] },
        data: { type: "object", additionalProperties: true },
        prefilled: { type: "array", items: { type: "string" }, description: "Keys of data whose values came from the starting payload (prefilled); the rest were typed." },
        createdAt: dateTime,
        completedAt: nullable(dateTime),
      },
    },
    Delivery: {
      type: "object",
      properties: {
        id: { type: "string" },
        receivedAt: dateTime,
        test: { type: "boolean" },
        outcome: { type: "string", enum: ["accepted", "duplicate", "rejected"] },
        reasonCode: { type: "string" },
        status: { type: "integer", description: "The HTTP status the sender got." },
        secret: nullable({ type: "object", properties: { id: { type: "string" }, last4: { type: "string" } } }),
        latencyMs: { type: "integer" },
        sessionId: nullable({ type: "string" }),
        messageId: nullable({ type: "string" }),
        contentType: nullable({ type: "string" }),
        headers: { type: "object", additionalProperties: { type: "string" }, description: "Signature values truncated." },
        bodyLength: { type: "integer", format: "int64", description: "The full length as received, or as declared when refused unread." },
        bodySha256: { type: "string" },
        body: nullable({
          type: "string",
          description:
            "The stored payload, at most its first 64 KiB: kept for accepted live requests and, within the workflow's quota of stored test bytes, for test requests (a rejected one as a 64 KiB prefix).",
        }),
        bodyTruncated: { type: "boolean", description: "body is only the start of the payload received (bodyLength and bodySha256 describe all of it)." },
        bodyEncoding: nullable({ type: "string", enum: ["utf8", "base64"] }),
        warnings: nullable({
          type: "array",
          description: "Accepted with warnings: mapped values left out of the prefill (field null: a message id the body did not provide).",
          items: { type: "object", properties: { path: { type: "string" }, field: nullable({ type: "string" }), message: { type: "string" } } },
        }),
        diagnosis: nullable({
          type: "object",
          description: "Rejected requests: what was seen at arrival.",
          properties: {
            scheme: { type: "string" },
            algorithm: { type: "string" },
            signature: {
              type: "object",
              properties: {
                problem: { type: "string", enum: ["malformed", "missing", "mismatch", "expired-timestamp", "no-active-secret"] },
                message: { type: "string" },
                header: { type: "string", description: "The malformed header." },
                at: { type: "integer", description: "0-based position of the first problem in its value." },
              },
            },
            timestampSkewSeconds: { type: "integer", description: "Server time minus the request's timestamp (positive: older)." },
            toleranceSeconds: { type: "integer" },
            body: { type: "string", enum: ["empty", "pretty-printed JSON", "compact JSON", "form", "not JSON"] },
            secretsTried: { type: "array", items: { type: "object", properties: { last4: { type: "string" }, usable: { type: "boolean" } } } },
            messageId: { type: "string", description: "The message id the request claimed (unverified)." },
          },
        }),
      },
    },
    DetectedField: {
      type: "object",
      properties: {
        path: { type: "string", examples: ["customer.email"] },
        type: { type: "string" },
        example: {},
        seenCount: { type: "integer" },
        lastSeenAt: dateTime,
      },
    },
    AuditEvent: {
      type: "object",
      required: ["id", "action", "description", "createdAt", "actor", "target", "workflow", "data"],
      properties: {
        id: { type: "string" },
        action: { type: "string", enum: Object.keys(AUDIT_ACTIONS) },
        description: { type: "string", examples: ["Signing secret revealed"] },
        createdAt: dateTime,
        actor: nullable({ type: "object", properties: { id: { type: "string" }, email: nullable({ type: "string" }) } }),
        target: {
          type: "object",
          properties: {
            type: { type: "string", enum: Object.keys(AUDIT_TARGET_TYPES) },
            id: { type: "string" },
            label: nullable({ type: "string", description: "Workflow name, secret …last4, token name, member email or endpoint URL." }),
          },
        },
        workflow: nullable({ type: "object", properties: { id: { type: "string" }, name: nullable({ type: "string", description: "null once deleted." }) } }),
        data: { type: "object", additionalProperties: true, description: "Details of the action: ids, names, last-4s; never a secret." },
      },
    },
    SessionExportLine: {
      type: "object",
      description: "One line of the NDJSON export.",
      properties: {
        sessionId: { type: "string" },
        status: { type: "string", enum: ["open", "completed"] },
        test: { type: "boolean" },
        createdAt: dateTime,
        completedAt: nullable(dateTime),
        data: { type: "object", additionalProperties: true, description: "Every field key in form order; null when unanswered." },
        prefilled: { type: "array", items: { type: "string" }, description: "Keys whose values came from the starting payload." },
      },
    },
  };
}
