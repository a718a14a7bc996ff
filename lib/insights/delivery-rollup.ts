import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rollUpClosedHours } from "./insights-repository";
import { truncate } from "./ranges";

// The hourly roll-up is filled on demand, just before a read, for closed hours only. An hour
// counts as closed five minutes after it ends: a webhook's row carries the time its request
// arrived and is committed a moment later, so a still-open transaction cannot be missed.

export const ROLLUP_SETTLE_MS = 5 * 60_000;
/** How far back a first roll-up reaches: one day more than the widest chart. */
export const ROLLUP_HORIZON_DAYS = 31;

/** The first hour not rolled up at `now` (everything before it is final). */
export function rollupBoundary(now: Date): Date {
  return truncate(new Date(now.getTime() - ROLLUP_SETTLE_MS), "hour");
}

export function rollupFloor(now: Date): Date {
  return truncate(new Date(now.getTime() - ROLLUP_HORIZON_DAYS * 86_400_000), "hour");
}

/** Brings the roll-up of these workflows up to date; returns the boundary readers must use. */
export async function rollUpDeliveries(db: PrismaClient, workflowIds: string[], now: Date): Promise<Date> {
  const boundary = rollupBoundary(now);
  await rollUpClosedHours(db, workflowIds, rollupFloor(now), boundary);
  return boundary;
}
