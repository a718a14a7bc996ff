import { jsString } from "@/lib/snippets/languages/literals";

// The browser half of the embed snippet: what the portal puts in the page that shows the
// iframe. It listens to the session page's portal events (signet:ready, signet:step,
// signet:resize, signet:completed), but only from Signet's origin and only from that iframe:
// it sizes the iframe to its content and calls onComplete once the form is completed. Without
// an onComplete, a completion with a redirect URL takes the whole page there.

/** The id the server half gives the iframe (embed-snippet.ts). */
export const EMBED_IFRAME_ID = "signet-form";

export function embedBrowserSnippet(signetOrigin: string): string {
  return [
    "<!-- In the portal's page, after the iframe: sizes it to the form and reports the completion. -->",
    "<script>",
    "  function signetEmbed(iframe, options) {",
    `    const SIGNET_ORIGIN = ${jsString(signetOrigin)};`,
    "    const onComplete = (options && options.onComplete) || function (result) {",
    "      if (result.redirectUrl) window.location.assign(result.redirectUrl);",
    "    };",
    '    window.addEventListener("message", function (event) {',
    "      // Only Signet's page in this iframe; anything else may be any other window's message.",
    "      if (event.origin !== SIGNET_ORIGIN || event.source !== iframe.contentWindow) return;",
    "      const data = event.data || {};",
    '      if (data.type === "signet:resize" && typeof data.height === "number") iframe.style.height = data.height + "px";',
    '      if (data.type === "signet:completed") onComplete({ sessionId: data.sessionId, redirectUrl: data.redirectUrl });',
    "    });",
    "  }",
    "",
    `  signetEmbed(document.getElementById(${jsString(EMBED_IFRAME_ID)}), {`,
    "    onComplete: function (result) {",
    "      // The session is completed: result.sessionId, and result.redirectUrl when the workflow has one.",
    "      if (result.redirectUrl) window.location.assign(result.redirectUrl);",
    "    },",
    "  });",
    "</script>",
    "",
  ].join("\n");
}
