// Every page, route handler and server-action file under app/, as found on disk, so the access
// tests can fail when a route exists that their tables don't cover.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const APP = join(REPO, "app");
const PAGES_DIR = join(REPO, "pages");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Paths relative to the repo, e.g. "app/api/v1/workflows/route.ts". */
export function appFiles(name: "page.tsx" | "route.ts" | "actions.ts"): string[] {
  return walk(APP)
    .filter((path) => path.endsWith(`/${name}`))
    .map((path) => relative(REPO, path))
    .sort();
}

/** Pages Router pages (pages/**, without _app and _document), e.g. "pages/s/[token].tsx". */
export function pagesRouterFiles(): string[] {
  return walk(PAGES_DIR)
    .filter((path) => path.endsWith(".tsx") && !/\/_(app|document)\.tsx$/.test(path))
    .map((path) => relative(REPO, path))
    .sort();
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** The HTTP methods a route.ts exports, read from its source (importing Auth.js routes needs Next). */
export function exportedMethods(file: string): string[] {
  const source = readFileSync(join(REPO, file), "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(\w+)/g)) found.add(match[1]!);
  for (const match of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const name of match[1]!.split(",")) found.add(name.trim());
  return HTTP_METHODS.filter((m) => found.has(m));
}

/** The functions a "use server" actions.ts exports (each one is an endpoint anyone can POST to). */
export function exportedActions(file: string): string[] {
  const source = readFileSync(join(REPO, file), "utf8");
  return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]!).sort();
}
