import type { WorkflowView } from "@/lib/workflows/get-workflow-view";

/**
 * The direct link and its QR code, as the *published* version allows: live with downloads,
 * or shown disabled with the reason (not published yet, or HMAC required).
 */
export function DirectLinkPanel({ view }: { view: Pick<WorkflowView, "directLink" | "urls" | "slug" | "draft" | "live"> }) {
  const { directLink, urls } = view;
  const draftTurnsHmacOn = view.live !== null && !view.live.definition.trigger.hmac.enabled && view.draft.trigger.hmac.enabled;
  return (
    <section aria-labelledby="direct-link-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="direct-link-heading" className="text-lg font-semibold">
        Direct link and QR code
      </h2>
      {directLink.kind === "live" && (
        <>
          <p className="text-sm text-slate-600">Anyone with this link or QR code can start a session of the published version.</p>
          <p className="break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-sm" data-testid="direct-link-url">
            <a href={urls.directLinkUrl} className="text-brand-700 underline" target="_blank" rel="noreferrer">
              {urls.directLinkUrl}
            </a>
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route; next/image adds nothing here */}
          <img
            src={urls.qrSvgUrl}
            alt={`QR code for ${urls.directLinkUrl}`}
            width={192}
            height={192}
            className="mx-auto h-48 w-48 rounded-md border border-slate-200"
          />
          <div className="flex flex-wrap justify-center gap-2 text-sm">
            <a href={urls.qrSvgUrl} download={`${view.slug}-qr.svg`} className="rounded-md px-3 py-1.5 font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Download SVG
            </a>
            <a href={urls.qrPngUrl} download={`${view.slug}-qr.png`} className="rounded-md px-3 py-1.5 font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Download PNG
            </a>
          </div>
          {draftTurnsHmacOn && (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Your draft turns HMAC on: once you publish it, this link and QR code stop working.
            </p>
          )}
        </>
      )}
      {directLink.kind === "unpublished" && (
        <p className="text-sm text-slate-600" data-testid="direct-link-disabled">
          Publish the workflow to get its direct link and QR code.
        </p>
      )}
      {directLink.kind === "hmac_required" && (
        <div className="space-y-2" data-testid="direct-link-disabled">
          <p className="font-medium text-slate-800">Direct link and QR code disabled</p>
          <p className="text-sm text-slate-600">
            The published version requires HMAC-signed requests, so this workflow can only be started by an authorised system. The link{" "}
            <span className="break-all font-mono">{urls.directLinkUrl}</span> shows visitors that message, and the QR code is no longer
            served. Turn HMAC off and publish to bring them back.
          </p>
        </div>
      )}
    </section>
  );
}
