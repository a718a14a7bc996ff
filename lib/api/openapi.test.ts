import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_DIR = join(process.cwd(), "app/api/v1");
const SESSION_API_DIR = join(process.cwd(), "app/api/sessions");
const doc = openApiDocument("https://signet.example.com") as {
  paths: Record<string, Record<string, unknown>>;
  servers: { url: string }[];
  components: Record<string, Record<string, unknown>>;
};

/**
 * Every route file under app/api/v1 with its exported methods, as OpenAPI paths, and the
 * session API's (under app/api/sessions, documented with their full path and own server).
 */
function routes(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string, base = API_DIR, prefix = "") => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, base, prefix);
      else if (entry.name === "route.ts") {
        const path = prefix + "/" + relative(base, dir).replace(/\[([^\]]+)\]/g, "{$1}");
        const methods = [...readFileSync(full, "utf8").matchAll(/export (?:const|function|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        found.push({ path, methods });
      }
    }
  };
  walk(API_DIR);
  walk(SESSION_API_DIR, SESSION_API_DIR, "/api/sessions");
  // The catch-all 404 and the document itself are not API operations.
  return found.filter((r) => !r.path.includes("{...") && r.path !== "/openapi.json");
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 served under the public URL", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("https://signet.example.com/api/v1");
  });

  it("describes every route and method that exists, and nothing that doesn't", () => {
    const actual = routes().flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).filter((k) => k !== "parameters" && k !== "servers").map((m) => `${m} ${path}`))
      .sort();
    expect(actual.length).toBeGreaterThan(10);
    expect(documented).toEqual(actual);
  });

  it("has no dangling $ref", () => {
    const text = JSON.stringify(doc);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses)\/([^"]+)"/g)) {
      expect(doc.components[kind!]![name!], `${kind}/${name}`).toBeDefined();
    }
  });

  it("takes the workflow definition schema from the zod schema the API validates with", () => {
    const definition = doc.components.schemas!.WorkflowDefinition as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(definition.properties)).toEqual(expect.arrayContaining(["trigger", "steps", "mapping"]));
    expect(JSON.stringify(definition)).toContain("standard-webhooks");
  });
});
