/** The key settings a form holds; an empty field clears its setting (null). */
export function parseKeySettings(form: FormData, toIso: (local: string) => string | undefined) {
  const text = (name: string) => String(form.get(name) ?? '').trim()
  const requests = text('requests')
  const windowSeconds = text('windowSeconds')
  const ips = text('allowedIps')
    .split(/[\s,]+/)
    .filter((ip) => ip !== '')
  return {
    expiresAt: toIso(text('expiresAt')) ?? null,
    rateLimit: requests === '' && windowSeconds === '' ? null : { requests: Number(requests), windowSeconds: Number(windowSeconds) },
    allowedIps: ips.length === 0 ? null : ips,
  }
}
