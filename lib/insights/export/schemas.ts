import { z } from "zod";
import { ZInstantParam } from "@/lib/http/instant-param";

// Query parameters of a sessions export, shared by the API route and the Sessions tab's
// download links. `from` is inclusive, `to` exclusive; a bare date means 00:00 UTC.

export const ZSessionExportQuery = z
  .object({
    format: z.enum(["csv", "ndjson"], { error: "format must be csv or ndjson" }).default("csv"),
    test: z.enum(["true", "false"], { error: "test must be true or false" }).optional(),
    status: z.enum(["open", "completed"], { error: "status must be open or completed" }).optional(),
    from: ZInstantParam("from").optional(),
    to: ZInstantParam("to").optional(),
    header: z.enum(["labels", "keys"], { error: "header must be labels or keys" }).default("labels"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "from must be before to", path: ["to"] })
  .transform(({ test, ...rest }) => ({ ...rest, test: test === undefined ? undefined : test === "true" }));

export type TSessionExportQuery = z.output<typeof ZSessionExportQuery>;

export function parseSessionExportQuery(params: URLSearchParams): TSessionExportQuery {
  // An empty value (a form's "any" option) means the filter is not set.
  const read = (name: string) => params.get(name) || undefined;
  return ZSessionExportQuery.parse({
    format: read("format"),
    test: read("test"),
    status: read("status"),
    from: read("from"),
    to: read("to"),
    header: read("header"),
  });
}
