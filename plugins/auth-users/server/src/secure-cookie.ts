/**
 * A Set-Cookie value marked `Secure` when the client came over https (directly
 * or through a trusted TLS-terminating proxy), so the browser never sends it in clear.
 * @example withSecure('checkpost.session_token=…; Path=/; HttpOnly', true) // '…; HttpOnly; Secure'
 */
export function withSecure(cookie: string, https: boolean): string {
  return https && !/;\s*secure(\s*;|\s*$)/i.test(cookie) ? `${cookie}; Secure` : cookie
}
