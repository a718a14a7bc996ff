import { z } from "zod";

export const ZApiTokenName = z.string().trim().min(1, "Give the token a name").max(80, "Use at most 80 characters");

export const ZCreateApiToken = z.object({ name: ZApiTokenName });
