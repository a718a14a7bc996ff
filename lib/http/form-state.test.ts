import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { formAction } from "./form-state";

describe("formAction", () => {
  it("returns what the work returns", async () => {
    expect(await formAction(async () => ({ ok: true, message: "Saved." }))).toEqual({ ok: true, message: "Saved." });
  });

  it("lets Next's redirect through: it is control flow, not a failure", async () => {
    await expect(formAction(async () => redirect("/elsewhere"))).rejects.toThrow("NEXT_REDIRECT");
  });

  it("turns zod issues into field errors relative to the prefix, and keeps what was typed", async () => {
    const state = await formAction(
      async () => {
        z.object({ definition: z.object({ name: z.string().min(3, "Too short") }) }).parse({ definition: { name: "a" } });
        return { ok: true };
      },
      { fieldPrefix: "definition.", values: { name: "a" } },
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { name: "Too short" }, values: { name: "a" } });
    expect(state.conflict).toBeUndefined();
  });

  it("marks an edit conflict and shows AppError messages as they are", async () => {
    const state = await formAction(async () => {
      throw new AppError("CONFLICT", "Someone saved in between.");
    });
    expect(state).toEqual({ ok: false, message: "Someone saved in between.", fieldErrors: undefined, conflict: true });
  });

  it("hides an unexpected fault behind the generic message, or the one given", async () => {
    const boom = async () => {
      throw new Error("connection reset");
    };
    expect((await formAction(boom)).message).toBe("Something went wrong on our side. Please try again.");
    expect((await formAction(boom, { unexpectedMessage: "The test request could not be prepared." })).message).toBe("The test request could not be prepared.");
  });
});
