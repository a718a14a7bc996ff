import { z } from "zod";
import { EVENT_TYPES, ZCreateEndpoint, ZRotateEndpointSecret, ZUpdateEndpoint } from "@/lib/outbound-webhooks/schemas";

// The completion-webhook part of the OpenAPI document: paths (merged into openapi.ts) and
// component schemas. Inputs come from the zod schemas the handlers validate with.

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const dateTime = { type: "string", format: "date-time" };
const nullable = (schema: Json) => ({ anyOf: [schema, { type: "null" }] });
const json = (schema: Json, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (name: string) => ({ $ref: `#/components/responses/${name}` });
const body = (schema: string, required = true) => ({ required, content: { "application/json": { schema: ref(schema) } } });
const ERRORS = { "401": error("Unauthenticated"), "404": error("NotFound") };
const WRITE_ERRORS = { ...ERRORS, "403": error("Forbidden"), "422": error("ValidationFailed") };

function fromZod(schema: z.ZodType): Json {
  const generated = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  delete generated.$schema;
  return generated;
}

const endpointId = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Endpoint id." };

export function endpointPaths(pageParams: Json[]): Json {
  return {
    "/workflows/{id}/endpoints": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "Workflow id." }],
      get: {
        operationId: "listEndpoints",
        summary: "List the workflow's completion-webhook endpoints",
        responses: { "200": json({ type: "object", properties: { data: { type: "array", items: ref("Endpoint") } } }, "All of them."), ...ERRORS },
      },
      post: {
        operationId: "createEndpoint",
        summary: "Add an endpoint that receives session events, signed with Standard Webhooks",
        description: "A malformed url answers 422 naming the problem. The answer carries the endpoint's whsec_ signing secret: the only time it is shown.",
        requestBody: body("CreateEndpoint"),
        responses: { "201": json(ref("CreatedEndpoint"), "Created, with its secret."), ...WRITE_ERRORS },
      },
    },
    "/endpoints/{id}": {
      parameters: [endpointId],
      get: { operationId: "getEndpoint", summary: "Read an endpoint (secrets by last 4 characters)", responses: { "200": json(ref("Endpoint"), "The endpoint."), ...ERRORS } },
      patch: {
        operationId: "updateEndpoint",
        summary: "Change url, description, events or enabled; enabling clears a disabled reason and sends what waited",
        requestBody: body("UpdateEndpoint"),
        responses: { "200": json(ref("Endpoint"), "The updated endpoint."), ...WRITE_ERRORS },
      },
      delete: {
        operationId: "deleteEndpoint",
        summary: "Delete an endpoint with its secrets, messages and attempts",
        responses: { "200": json({ type: "object", properties: { id: { type: "string" }, deleted: { const: true } } }, "Deleted."), ...WRITE_ERRORS },
      },
    },
    "/endpoints/{id}/secrets": {
      parameters: [endpointId],
      post: {
        operationId: "rotateEndpointSecret",
        summary: "Rotate the signing secret; the old one keeps signing (a second signature) until the overlap ends",
        requestBody: body("RotateEndpointSecret", false),
        responses: { "201": json(ref("RotatedEndpointSecret"), "The new secret: the only time it is shown."), ...WRITE_ERRORS },
      },
    },
    "/endpoints/{id}/messages": {
      parameters: [endpointId],
      get: {
        operationId: "listEndpointMessages",
        summary: "The endpoint's messages, newest first, each with its attempts",
        parameters: [...pageParams, { name: "status", in: "query", schema: { type: "string", enum: ["pending", "delivered", "failed"] } }],
        responses: {
          "200": json({ type: "object", properties: { data: { type: "array", items: ref("OutboundMessage") }, nextCursor: { type: ["string", "null"] } } }, "A page, newest first."),
          "422": error("ValidationFailed"),
          ...ERRORS,
        },
      },
    },
    "/endpoints/{id}/recover": {
      parameters: [endpointId],
      post: {
        operationId: "recoverEndpointMessages",
        summary: "Send again every message that ran out of retries and was created since a time",
        requestBody: body("RecoverMessages"),
        responses: { "200": json({ type: "object", properties: { recovered: { type: "integer" } } }, "How many were queued again."), ...WRITE_ERRORS },
      },
    },
    "/messages/{id}/resend": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "Message id (msg_…, the webhook-id)." }],
      post: {
        operationId: "resendMessage",
        summary: "Send one message again now, with a fresh round of retries and the same webhook-id",
        responses: { "200": json(ref("OutboundMessage"), "The message, pending again."), ...WRITE_ERRORS },
      },
    },
  };
}

const endpointProperties: Json = {
  id: { type: "string" },
  workflowId: { type: "string" },
  url: { type: "string", format: "uri" },
  description: nullable({ type: "string" }),
  events: { type: "array", items: { type: "string", enum: [...EVENT_TYPES] } },
  enabled: { type: "boolean" },
  disabledReason: nullable({ type: "string", enum: ["manual", "gone", "failing"], description: "manual; gone: the receiver answered 410; failing: every attempt failed for 5 days." }),
  disabledMessage: nullable({ type: "string" }),
  disabledAt: nullable(dateTime),
  failingSince: nullable({ ...dateTime, description: "First failed attempt since the last success." }),
  createdAt: dateTime,
  updatedAt: dateTime,
  secrets: {
    type: "array",
    description: "Secrets signing now, newest first; more than one during a rotation's overlap.",
    items: { type: "object", properties: { id: { type: "string" }, last4: { type: "string" }, createdAt: dateTime, expiresAt: nullable(dateTime) } },
  },
};

export function endpointSchemas(): Record<string, Json> {
  return {
    CreateEndpoint: fromZod(ZCreateEndpoint),
    UpdateEndpoint: fromZod(ZUpdateEndpoint),
    RotateEndpointSecret: fromZod(ZRotateEndpointSecret),
    RecoverMessages: { type: "object", required: ["since"], properties: { since: { ...dateTime, description: "Messages created at or after this time." } } },
    Endpoint: { type: "object", properties: endpointProperties },
    CreatedEndpoint: { type: "object", properties: { ...endpointProperties, secret: { type: "string", description: "whsec_…: returned only here. Store it now." } } },
    RotatedEndpointSecret: {
      type: "object",
      properties: {
        id: { type: "string" },
        secret: { type: "string", description: "The new whsec_ secret: returned only here." },
        last4: { type: "string" },
        createdAt: dateTime,
        previousExpiresAt: nullable({ ...dateTime, description: "Until then the old secret signs too." }),
      },
    },
    OutboundMessage: {
      type: "object",
      properties: {
        id: { type: "string", description: "msg_…, sent as webhook-id." },
        endpointId: { type: "string" },
        sessionId: { type: "string" },
        type: { type: "string", enum: [...EVENT_TYPES] },
        status: { type: "string", enum: ["pending", "delivered", "failed"] },
        attemptCount: { type: "integer" },
        nextAttemptAt: nullable(dateTime),
        createdAt: dateTime,
        deliveredAt: nullable(dateTime),
        payload: {
          type: "object",
          description: "What was POSTed: { type, timestamp, data: { sessionId, workflowId, version, test, status, answers, prefilled, startedAt, completedAt?, step? } }.",
        },
        attempts: {
          type: "array",
          description: "Newest first.",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              attemptedAt: dateTime,
              statusCode: nullable({ type: "integer" }),
              latencyMs: { type: "integer" },
              responseBody: nullable({ type: "string", description: "The first 4 KiB." }),
              error: nullable({ type: "string" }),
            },
          },
        },
      },
    },
  };
}
