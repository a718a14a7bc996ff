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

export const SESSION_PAGE_SCRIPT = [guardSessionFormSubmit].map((enhance) => `(${enhance.toString()})();`).join("\n");
