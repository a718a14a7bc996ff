// The session page's only JavaScript, inlined into the page (with the CSP nonce): the page
// works without it, and ships no framework runtime, so a participant's phone downloads a few
// hundred bytes of script instead of a React app (see docs/architecture.md, "Session page").
//
// Each enhancement is a self-contained function: it is serialised with Function#toString, so
// it may use only its own variables and browser globals (no imports, nothing from this module).

/** One submit per click: a double click would post the same step twice. Shows progress text. */
function guardSessionFormSubmit(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-session-form]");
  if (!form) return;
  const labels = new Map<HTMLElement, string>();
  form.addEventListener("submit", (event) => {
    if (form.dataset.pending === "1") {
      event.preventDefault();
      return;
    }
    form.dataset.pending = "1";
    form.setAttribute("aria-busy", "true");
    // The submitter stays enabled: a disabled button's name and value ($intent) would not be sent.
    const submitter = (event as SubmitEvent).submitter;
    if (submitter instanceof HTMLElement && submitter.dataset.pendingText) {
      labels.set(submitter, submitter.innerHTML);
      submitter.textContent = submitter.dataset.pendingText;
    }
  });
  // Coming back with the browser's Back button restores the page from its cache as it was left.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    delete form.dataset.pending;
    form.removeAttribute("aria-busy");
    labels.forEach((html, element) => (element.innerHTML = html));
    labels.clear();
  });
}

/**
 * Portal events: a page embedded in a portal's iframe (?embed=1) tells its parent that it is
 * ready, which step it shows, how tall it is, and that the session is completed (with where
 * to go next). Each message names its target origin exactly, never "*": the parent's origin
 * where the browser tells it (location.ancestorOrigins, Chromium and WebKit), else each of the
 * workflow's allowed origins in turn, and the browser delivers only to the one the parent has
 * (CSP frame-ancestors already keeps every other origin from framing the page at all).
 */
function postPortalEvents(): void {
  const data = document.querySelector<HTMLElement>("[data-portal-events]");
  if (!data || window.parent === window) return;
  const allowed = (data.dataset.origins ?? "").split(" ").filter((origin) => origin !== "");
  const parentOrigin = window.location.ancestorOrigins?.[0];
  const targets = parentOrigin === undefined ? allowed : allowed.filter((origin) => origin === parentOrigin);
  const post = (message: Record<string, unknown>) => {
    for (const origin of targets) window.parent.postMessage(message, origin);
  };
  post({ type: "signet:ready" });
  if (data.dataset.status === "completed") {
    const redirectUrl = data.dataset.redirectUrl;
    post(redirectUrl ? { type: "signet:completed", sessionId: data.dataset.sessionId, redirectUrl } : { type: "signet:completed", sessionId: data.dataset.sessionId });
  } else {
    post({ type: "signet:step", index: Number(data.dataset.stepIndex), id: data.dataset.stepId });
  }
  let last = -1;
  const resize = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    post({ type: "signet:resize", height });
  };
  resize();
  if (typeof ResizeObserver === "function") new ResizeObserver(resize).observe(document.documentElement);
}

export const SESSION_PAGE_SCRIPT = [guardSessionFormSubmit, postPortalEvents].map((enhance) => `(${enhance.toString()})();`).join("\n");
