import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { readSessionsForExport, type ExportCursor, type ExportSessionRow } from "@/lib/sessions/session-repository";
import { authorizeWorkflow } from "@/lib/workflows/authorize-workflow";
import { storedDefinition } from "@/lib/workflows/definition-or-throw";
import { findVersionDefinitions, findWorkflowDetail } from "@/lib/workflows/workflow-repository";
import { csvCell } from "./cells";
import { fieldColumns, type FieldColumn } from "@/lib/sessions/session-columns";
import { fieldHeaders, FIXED_COLUMNS, PREFILLED_COLUMN } from "./columns";
import type { TSessionExportQuery } from "./schemas";

export const EXPORT_CHUNK_ROWS = 1000;

export interface SessionExport {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" } as const;

/**
 * A workflow's sessions as CSV or NDJSON, streamed: rows are read in keyset-paged chunks only
 * as fast as the client takes them, so memory stays flat however many sessions there are.
 * Columns: sessionId, status, test, createdAt, completedAt, one per field in form order, then
 * the keys that were prefilled. Authorisation and the filters are checked before the first
 * byte, so a refusal is an ordinary JSON error.
 */
export async function exportSessions(
  db: PrismaClient,
  actor: Actor | null,
  workflowId: string,
  query: TSessionExportQuery,
  opts: { workspaceId?: string; bom?: boolean; chunkRows?: number; now?: Date } = {},
): Promise<SessionExport> {
  const access = await authorizeWorkflow(db, actor, workflowId, "view");
  if (opts.workspaceId !== undefined && opts.workspaceId !== access.workspace.id) {
    throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  }
  const workflow = await findWorkflowDetail(db, workflowId);
  if (!workflow) throw new AppError("NOT_FOUND", "Workflow not found.", { reason: "not_found" });
  const versions = await findVersionDefinitions(db, workflowId);
  // The definition participants see first gives the order (the draft for test-only exports).
  const live = workflow.liveVersion?.definition;
  const ordered = query.test === true || !live ? [workflow.draft, ...versions.map((v) => v.definition)] : [live, workflow.draft, ...versions.map((v) => v.definition)];
  const columns = fieldColumns(ordered.map(storedDefinition));

  const filter = { test: query.test, status: query.status, from: query.from, to: query.to };
  const read = (after: ExportCursor | null) => readSessionsForExport(db, workflowId, filter, after, opts.chunkRows ?? EXPORT_CHUNK_ROWS);
  const encode = query.format === "csv" ? csvEncoder(columns, query.header, opts.bom ?? false) : ndjsonEncoder(columns);
  const stamp = (opts.now ?? new Date()).toISOString().slice(0, 10);
  return {
    filename: `${fileSlug(workflow.name)}-sessions-${stamp}.${query.format}`,
    contentType: CONTENT_TYPES[query.format],
    body: chunkedStream(read, encode, workflowId),
  };
}

interface Encoder {
  head: string;
  rows(rows: ExportSessionRow[]): string;
}

function fixedValues(row: ExportSessionRow) {
  return [row.id, row.status, row.test, row.createdAt, row.completedAt] as const;
}

function answersOf(row: ExportSessionRow): Record<string, unknown> {
  return row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
}

function csvEncoder(columns: FieldColumn[], header: "labels" | "keys", bom: boolean): Encoder {
  const options = { record_delimiter: "windows" as const };
  const headerCells = [...FIXED_COLUMNS, ...fieldHeaders(columns, header), PREFILLED_COLUMN].map(csvCell);
  return {
    // A byte-order mark makes Excel read the file as UTF-8 (the Sessions tab's download).
    head: (bom ? "\uFEFF" : "") + stringify([headerCells], options),
    rows: (rows) =>
      stringify(
        rows.map((row) => {
          const answers = answersOf(row);
          return [...fixedValues(row), ...columns.map((c) => answers[c.key]), (row.prefilled ?? []).join(" ")].map(csvCell);
        }),
        options,
      ),
  };
}

function ndjsonEncoder(columns: FieldColumn[]): Encoder {
  return {
    head: "",
    rows: (rows) =>
      rows
        .map((row) => {
          const answers = answersOf(row);
          const [sessionId, status, test, createdAt, completedAt] = fixedValues(row);
          const data = Object.fromEntries(columns.map((c) => [c.key, answers[c.key] ?? null]));
          return JSON.stringify({ sessionId, status, test, createdAt, completedAt, data, prefilled: row.prefilled ?? [] }) + "\n";
        })
        .join(""),
  };
}

function chunkedStream(read: (after: ExportCursor | null) => Promise<ExportSessionRow[]>, encode: Encoder, workflowId: string) {
  const encoder = new TextEncoder();
  let after: ExportCursor | null = null;
  let headSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!headSent) {
            headSent = true;
            if (encode.head) {
              controller.enqueue(encoder.encode(encode.head));
              return;
            }
          }
          const rows = await read(after);
          if (rows.length === 0) {
            controller.close();
            return;
          }
          const last = rows[rows.length - 1]!;
          after = { test: last.test, createdAt: last.createdAt, id: last.id };
          controller.enqueue(encoder.encode(encode.rows(rows)));
        } catch (error) {
          // Headers are gone already: abort the body so the client sees a broken download,
          // never a silently shortened file.
          logger.error("session_export_failed", { workflowId, error });
          controller.error(error);
        }
      },
    },
    // One chunk at a time: the next read waits until the client has taken the last one.
    { highWaterMark: 0 },
  );
}

function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "workflow";
}
