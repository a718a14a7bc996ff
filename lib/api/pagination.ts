import { z } from "zod";

// Lists take `?limit=&cursor=` (and `?test=` where rows are live or test) and answer `{ data, nextCursor }`. The cursor is the id of the
// last item of the previous page: stable while rows are added (unlike offsets), and opaque to
// clients, who only ever pass back what they were given.

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export const ZPageQuery = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(200).optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Reads limit and cursor from the query string; bad values are a 422 naming the parameter. */
export function parsePageQuery(url: URL): TPageQuery {
  return ZPageQuery.parse({
    limit: url.searchParams.get("limit") ?? undefined,
    cursor: url.searchParams.get("cursor") ?? undefined,
  });
}

const ZTestFilter = z.object({ test: z.enum(["true", "false"], { error: "test must be true or false" }).optional() });

/** `?test=true|false`: test or live rows only (sessions, deliveries); absent means both. */
export function parseTestFilter(url: URL): { test?: boolean } {
  const { test } = ZTestFilter.parse({ test: url.searchParams.get("test") ?? undefined });
  return test === undefined ? {} : { test: test === "true" };
}

/** Repositories are asked for `limit + 1` rows; the extra one only tells whether more exist. */
export function toPage<Row extends { id: string }, Out>(rows: Row[], limit: number, map: (row: Row) => Out): Page<Out> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { data: kept.map(map), nextCursor: more ? kept[kept.length - 1]!.id : null };
}
