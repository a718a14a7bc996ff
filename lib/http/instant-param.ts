import { z } from "zod";

/** A query-string time: a date (00:00 UTC) or an ISO 8601 time with Z or an offset. */
export const ZInstantParam = (name: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: `${name} must be a date (2026-11-30) or an ISO 8601 time (2026-11-30T12:00:00Z)`,
    })
    .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
