/** Where the management API's reference page lives (proxy.ts gives it its own CSP). */
export const API_REFERENCE_PATH = "/docs/api";
