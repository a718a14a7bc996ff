import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/audit/actions";
import { endpointPaths, endpointSchemas } from "./openapi-endpoints";
import { componentSchemas } from "./openapi-schemas";

// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Paths are written
// here by hand next to their routes' behaviour; input schemas come from the zod schemas.

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({ description, content: { "application/json": { schema } } });
const list = (item: string, paged: boolean) =>
  json(
    {
      type: "object",
      required: ["data"],
      properties: { data: { type: "array", items: ref(item) }, ...(paged ? { nextCursor: { type: ["string", "null"] } } : {}) },
    },
    paged ? "A page, newest first; pass nextCursor as ?cursor= for the next one (null at the end)." : "All of them.",
  );
const body = (schema: string, required = true) => ({ required, content: { "application/json": { schema: ref(schema) } } });
const error = (description: string) => ({ $ref: `#/components/responses/${description}` });

const ERRORS = { "401": error("Unauthenticated"), "404": error("NotFound") };
const WRITE_ERRORS = { ...ERRORS, "403": error("Forbidden"), "422": error("ValidationFailed") };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Workflow id." };
const pageParams = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
  { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page." },
];
const testParam = { name: "test", in: "query", schema: { type: "string", enum: ["true", "false"] }, description: "Only test (or only live) entries." };

const tokenParam = { name: "token", in: "path", required: true, schema: { type: "string" }, description: "The session token, from the sessionUrl /s/{token}: the capability." };
const SESSION_API_DESCRIPTION =
  "For custom front-ends: no API token; the session token in the path is the capability. Browsers may call it only from the " +
  "workflow's allowed origins (the published list that may frame session pages): those get CORS headers and their preflight " +
  "(OPTIONS) is answered; a request with any other Origin is refused (403 origin_not_allowed). Rate-limited per client address " +
  "(429 with Retry-After).";

/** The session API lives at /api/sessions, beside /api/v1: its paths name their own server. */
function sessionApiPaths(publicUrl: string): Json {
  const servers = [{ url: publicUrl }];
  const common = { tags: ["Session API"], security: [], description: SESSION_API_DESCRIPTION };
  const originRefused = json(ref("Error"), "A browser request from an origin that is not allowed (`origin_not_allowed`).");
  const state = json(ref("SessionState"), "The session: its current step, or `completed` (with `redirectUrl` when the workflow has one).");
  return {
    "/api/sessions/{token}": {
      servers,
      parameters: [tokenParam],
      get: {
        ...common,
        operationId: "getSessionState",
        summary: "Read a session's status, current step and prefilled values",
        responses: { "200": state, "403": originRefused, "404": json(ref("Error"), "No session with this token."), "429": error("RateLimited") },
      },
    },
    "/api/sessions/{token}/steps/{stepId}": {
      servers,
      parameters: [tokenParam, { name: "stepId", in: "path", required: true, schema: { type: "string" }, description: "The current step's id." }],
      post: {
        ...common,
        operationId: "answerSessionStep",
        summary: "Answer the current step; the last one completes the session",
        requestBody: body("SessionAnswers"),
        responses: {
          "200": state,
          "403": originRefused,
          "404": json(ref("Error"), "No such session, or its form has no such step (`step_not_found`)."),
          "409": json(ref("Error"), "Not the current step (`stale_step`), or the session is already completed (`session_completed`)."),
          "422": json(ref("Error"), "Answers that need fixing (`invalid_answers`): `issues` has one entry per field, path `[\"answers\", fieldKey]`. Nothing was saved."),
          "429": error("RateLimited"),
        },
      },
    },
  };
}

export function openApiDocument(publicUrl: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Signet management API",
      version: "1",
      description:
        "Manage workflows, their webhook secrets, sessions, delivery log and completion webhooks. Authenticate with an API token " +
        "(workspace → API tokens in the app, or `npm run signet -- token:create`) as `Authorization: Bearer sig_…`. " +
        "A token acts as its user, with that user's current role, inside the token's workspace only; ids of other " +
        "workspaces answer 404. Errors are `{ error, code, issues? }`; invalid input answers 422 with the issues path by path.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths: {
      "/workflows": {
        get: { operationId: "listWorkflows", summary: "List the workspace's workflows", parameters: pageParams, responses: { "200": list("WorkflowSummary", true), ...ERRORS } },
        post: {
          operationId: "createWorkflow",
          summary: "Create a workflow (the default definition when none is given)",
          requestBody: body("CreateWorkflow"),
          responses: { "201": json(ref("Workflow"), "Created; includes hookUrl, testUrl and directLinkUrl."), ...WRITE_ERRORS },
        },
      },
      "/workflows/{id}": {
        parameters: [idParam],
        get: { operationId: "getWorkflow", summary: "Read a workflow: draft and published version", responses: { "200": json(ref("Workflow"), "The workflow."), ...ERRORS } },
        patch: {
          operationId: "updateWorkflow",
          summary: "Edit the draft (nothing live changes until publish)",
          requestBody: body("UpdateWorkflow"),
          responses: { "200": json(ref("Workflow"), "The updated workflow."), "409": error("Conflict"), ...WRITE_ERRORS },
        },
        delete: {
          operationId: "deleteWorkflow",
          summary: "Delete a workflow with its versions, secrets, sessions and deliveries",
          responses: { "200": json({ type: "object", properties: { id: { type: "string" }, deleted: { const: true } } }, "Deleted."), ...WRITE_ERRORS },
        },
      },
      "/workflows/{id}/publish": {
        parameters: [idParam],
        post: {
          operationId: "publishWorkflow",
          summary: "Publish the draft (or the definition sent) as the next immutable version and make it live; a draft equal to the live version publishes nothing",
          requestBody: body("Publish", false),
          responses: {
            "200": json(ref("Published"), "Published, or `unchanged: true` with the live version."),
            "409": error("Conflict"),
            ...WRITE_ERRORS,
          },
        },
      },
      "/workflows/{id}/secrets": {
        parameters: [idParam],
        get: { operationId: "listSecrets", summary: "List signing secrets (last 4 characters only)", responses: { "200": list("Secret", false), ...ERRORS } },
        post: {
          operationId: "createSecret",
          summary: "Add a signing secret, generated or pasted; optionally rotate the others out",
          requestBody: body("CreateSecret", false),
          responses: { "201": json(ref("CreatedSecret"), "Created. The only response that contains the value."), ...WRITE_ERRORS },
        },
      },
      "/workflows/{id}/secrets/{secretId}/revoke": {
        parameters: [idParam, { name: "secretId", in: "path", required: true, schema: { type: "string" } }],
        post: { operationId: "revokeSecret", summary: "Revoke a secret now", responses: { "200": json(ref("Secret"), "Revoked."), ...WRITE_ERRORS } },
      },
      "/workflows/{id}/sessions": {
        parameters: [idParam],
        get: { operationId: "listSessions", summary: "List a workflow's sessions, newest first", parameters: [...pageParams, testParam], responses: { "200": list("Session", true), ...ERRORS } },
      },
      "/workflows/{id}/sessions/export": {
        parameters: [idParam],
        get: {
          operationId: "exportSessions",
          summary: "Download a workflow's sessions as CSV or NDJSON, streamed",
          description:
            "Live sessions first, then test ones, each oldest first. Columns: sessionId, status, test, createdAt, completedAt, one per form " +
            "field in form order (fields only older versions have come after), then `prefilled` (the keys that came from the payload, " +
            "space-separated). In CSV a text cell starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe so " +
            "spreadsheets never run it as a formula; NDJSON carries the values unchanged, one JSON object per line.",
          parameters: [
            { name: "format", in: "query", schema: { type: "string", enum: ["csv", "ndjson"], default: "csv" } },
            testParam,
            { name: "status", in: "query", schema: { type: "string", enum: ["open", "completed"] } },
            { name: "from", in: "query", schema: { type: "string" }, description: "Sessions created at or after: a date (00:00 UTC) or an ISO 8601 time." },
            { name: "to", in: "query", schema: { type: "string" }, description: "Sessions created before: a date (00:00 UTC) or an ISO 8601 time." },
            { name: "header", in: "query", schema: { type: "string", enum: ["labels", "keys"], default: "labels" }, description: "CSV header cells for fields: their labels or their keys." },
          ],
          responses: {
            "200": {
              description: "The file, streamed (Content-Disposition: attachment).",
              content: { "text/csv": { schema: { type: "string" } }, "application/x-ndjson": { schema: ref("SessionExportLine") } },
            },
            "422": error("ValidationFailed"),
            ...ERRORS,
          },
        },
      },
      "/audit-events": {
        get: {
          operationId: "listAuditEvents",
          summary: "The workspace's audit log, newest first",
          description: "Security-relevant actions: secrets created, revealed and revoked, HMAC turned on or off, publishes, API tokens, members, completion endpoints.",
          parameters: [
            ...pageParams,
            { name: "action", in: "query", schema: { type: "string", enum: Object.keys(AUDIT_ACTIONS) } },
            { name: "actor", in: "query", schema: { type: "string", format: "email" }, description: "Only events by this user." },
            { name: "targetType", in: "query", schema: { type: "string", enum: Object.keys(AUDIT_TARGET_TYPES) } },
            { name: "target", in: "query", schema: { type: "string" }, description: "Only events on this id." },
            { name: "workflow", in: "query", schema: { type: "string" }, description: "Only events on this workflow and its secrets and endpoints." },
            { name: "from", in: "query", schema: { type: "string" }, description: "At or after: a date (00:00 UTC) or an ISO 8601 time." },
            { name: "to", in: "query", schema: { type: "string" }, description: "Before: a date (00:00 UTC) or an ISO 8601 time." },
          ],
          responses: { "200": list("AuditEvent", true), "422": error("ValidationFailed"), "401": error("Unauthenticated") },
        },
      },
      "/sessions/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "Session id." }],
        get: { operationId: "getSession", summary: "Read one session", responses: { "200": json(ref("Session"), "The session."), ...ERRORS } },
      },
      "/workflows/{id}/deliveries": {
        parameters: [idParam],
        get: {
          operationId: "listDeliveries",
          summary: "The webhook's delivery log, newest first",
          parameters: [
            ...pageParams,
            testParam,
            { name: "outcome", in: "query", schema: { type: "string", enum: ["accepted", "duplicate", "rejected"] } },
            { name: "reason", in: "query", schema: { type: "string" }, description: "Only this reason code, e.g. signature_mismatch." },
          ],
          responses: { "200": list("Delivery", true), ...ERRORS },
        },
      },
      ...sessionApiPaths(publicUrl),
      "/workflows/{id}/detected-fields": {
        parameters: [idParam],
        get: { operationId: "listDetectedFields", summary: "Fields detected from test payloads", responses: { "200": list("DetectedField", false), ...ERRORS } },
      },
      ...endpointPaths(pageParams),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, `sig_` followed by 43 characters." } },
      schemas: { ...componentSchemas(), ...endpointSchemas() },
      responses: {
        Unauthenticated: json(ref("Error"), "No token, a malformed header, or an unknown or revoked token."),
        Forbidden: json(ref("Error"), "The token's user has a role too low for this (e.g. a viewer writing)."),
        NotFound: json(ref("Error"), "No such id in the token's workspace."),
        Conflict: json(ref("Error"), "The draft changed since expectedRevision."),
        ValidationFailed: json(ref("Error"), "Invalid input; `issues` lists each problem with its path."),
        RateLimited: json(ref("Error"), "Too many requests from this address; retry after Retry-After seconds."),
      },
    },
  };
}
