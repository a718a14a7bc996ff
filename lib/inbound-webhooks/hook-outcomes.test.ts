import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/errors/app-error";
import { REASONS } from "./hook-outcomes";

// docs/webhook-contract.md is what partners read; its table of refusal codes must be this one.
const doc = readFileSync(new URL("../../docs/webhook-contract.md", import.meta.url), "utf8");
const documented = new Map([...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));

describe("the webhook contract page", () => {
  it("lists every refusal the pipeline answers, with its status, and nothing else", () => {
    // An unpublished workflow is logged as not_published but answered like an unknown hook.
    const answered = Object.entries(REASONS)
      .filter(([code, reason]) => reason.outcome === "rejected" && code !== "not_published")
      .map(([code, reason]) => [code, reason.status] as const);
    expect(new Map([...answered, ["not_found", ERROR_STATUS.NOT_FOUND]])).toEqual(documented);
  });
});
