// Every API response is JSON and private to its caller: no shared cache may keep it.
const NO_STORE = { "Cache-Control": "no-store" } as const;

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function noStore(response: Response): Response {
  response.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  return response;
}
