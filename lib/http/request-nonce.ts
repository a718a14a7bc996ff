/**
 * The CSP nonce of the page being rendered, for our own inline scripts. proxy.ts puts it on
 * the request it forwards (x-nonce); without one (no nonce policy) scripts need none.
 */
export function requestNonce(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers["x-nonce"];
  const nonce = Array.isArray(value) ? value[0] : value;
  return nonce && /^[A-Za-z0-9+/=_-]{16,128}$/.test(nonce) ? nonce : null;
}
