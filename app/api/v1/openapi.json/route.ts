import { getConfig } from "@/lib/config/env";
import { openApiDocument } from "@/lib/api/openapi";

// Public on purpose: the description holds no data, and tools fetch it without credentials.
export function GET(): Response {
  return Response.json(openApiDocument(getConfig().publicUrl), { headers: { "Cache-Control": "public, max-age=300" } });
}
