import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { API_REFERENCE_PATH } from "./api-reference-path";

// The management API's reference at /docs/api: the OpenAPI document (/api/v1/openapi.json)
// rendered in the browser by Scalar's viewer (@scalar/api-reference), whose prebuilt browser
// bundle the app serves itself (no CDN). The page is its own small HTML document, not a React
// page: the viewer (≈3.5 MB) loads only here and adds nothing to any other page's bundle.

const VIEWER_PACKAGE = "@scalar/api-reference";
const VIEWER_SCRIPT_PATH = `${API_REFERENCE_PATH}/scalar.js`;
const OPENAPI_PATH = "/api/v1/openapi.json";

let viewer: { body: Buffer; hash: string } | null = null;

/** The viewer's browser bundle, read once; its content hash names the cacheable URL. */
export function viewerScript(): { body: Buffer; hash: string } {
  if (!viewer) {
    // Resolved by Node at run time from the app's own package.json. A literal require.resolve
    // here would be rewritten by the bundler into a module id, not a file path.
    const specifier = [VIEWER_PACKAGE, "browser", "standalone.js"].join("/");
    const path = createRequire(join(process.cwd(), "package.json")).resolve(specifier);
    const body = readFileSync(path);
    viewer = { body, hash: createHash("sha256").update(body).digest("hex").slice(0, 16) };
  }
  return viewer;
}

/**
 * The viewer's settings: nothing fetched from anywhere but this app (no web fonts, no
 * telemetry, no AI agent, no request proxy), and the "test request" client kept, since it
 * sends requests straight to /api/v1 with the token the reader pastes.
 */
const VIEWER_CONFIGURATION = {
  url: OPENAPI_PATH,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  hideDarkModeToggle: false,
  persistAuth: false,
  metaData: { title: "Signet management API" },
};

/** JSON inside a <script>: "<" escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** The page: the viewer's script and its start-up call, both with the response's CSP nonce. */
export function apiReferencePage(nonce: string | null): string {
  const { hash } = viewerScript();
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Management API reference · Signet</title>
</head>
<body>
<noscript>This reference needs JavaScript. The API's OpenAPI description is at <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</noscript>
<div id="api-reference-root"></div>
<script src="${VIEWER_SCRIPT_PATH}?v=${hash}"${nonceAttribute}></script>
<script${nonceAttribute}>Scalar.createApiReference("#api-reference-root", ${scriptJson(VIEWER_CONFIGURATION)});</script>
</body>
</html>
`;
}
