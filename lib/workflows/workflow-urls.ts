/** The public URLs of a workflow, built from the configured public base URL. */
export function workflowUrls(publicUrl: string, workflow: { hookId: string; slug: string }) {
  const base = publicUrl.replace(/\/+$/, "");
  const hookUrl = `${base}/api/hooks/${workflow.hookId}`;
  return {
    hookUrl,
    testUrl: `${hookUrl}?test=true`,
    directLinkUrl: `${base}/w/${workflow.slug}`,
    qrSvgUrl: `${base}/w/${workflow.slug}/qr.svg`,
    qrPngUrl: `${base}/w/${workflow.slug}/qr.png`,
  };
}
