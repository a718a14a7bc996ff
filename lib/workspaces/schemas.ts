import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";

export const ZRole = z.enum(["owner", "editor", "viewer"]);

export const ZInviteMember = z.object({ email: ZEmail, role: ZRole });
