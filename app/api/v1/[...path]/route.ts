import { apiJson } from "@/lib/api/respond";

// Unknown /api/v1 paths answer in the API's own JSON error shape, not with the HTML 404 page.
function notFound(): Response {
  return apiJson({ error: "No such API endpoint. See /api/v1/openapi.json.", code: "not_found" }, 404);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
