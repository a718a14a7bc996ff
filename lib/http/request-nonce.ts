import { NONCE_HEADER } from "./security-headers";

/**
 * The CSP nonce of the page being rendered, for our own inline scripts in a Pages Router page
 * (App Router pages get theirs from Next). proxy.ts puts it on the request it forwards.
 */
export function requestNonce(headers: Record<string, string | string[] | undefined>): string | null {
  const value = headers[NONCE_HEADER];
  const nonce = Array.isArray(value) ? value[0] : value;
  return nonce && /^[A-Za-z0-9+/=]{16,64}$/.test(nonce) ? nonce : null;
}
