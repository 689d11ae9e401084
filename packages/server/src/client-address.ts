import type { Context } from 'hono'

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } }
}

/** Requests made in process (`app.request` in tests) have no socket; they count as loopback. */
const IN_PROCESS_ADDRESS = '127.0.0.1'

/**
 * The client's address: the socket peer under @hono/node-server (IPv4-mapped
 * IPv6 written as plain IPv4).
 */
export function clientAddressOf(c: Context): string {
  const address = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress
  if (!address) return IN_PROCESS_ADDRESS
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
}
