import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono, Next } from 'hono'

/** Where `pnpm build` writes the web console: apps/web/dist (the same from src/ and from the bundled dist/). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

/**
 * Paths the console never answers: the API and the session routes keep their own
 * 404s, and so does `/metrics` (served only on the metrics listener; a scraper
 * pointed at the public port gets a 404, not the console's page).
 */
const RESERVED = /^\/(api|auth|metrics)(\/|$)/

const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  // Everything the console loads comes from this host: no CDN, no inline script.
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

/**
 * Serves the built console at `/` beside the API: files from `dir`, hashed
 * assets cached for good, and `index.html` for every other GET path (the
 * console routes in the browser). `/api/*` and `/auth/*` are left alone.
 */
export function mountConsole(app: Hono, dir: string): void {
  const files = serveStatic({ root: dir, onFound: (path, c) => c.header('cache-control', cacheControlFor(path)) })
  const indexHtml = serveStatic({ root: dir, path: 'index.html', onFound: (_path, c) => c.header('cache-control', 'no-cache') })

  app.on(['GET', 'HEAD'], '*', async function consoleSite(c: Context, next: Next) {
    if (RESERVED.test(c.req.path)) return next()
    for (const [name, value] of Object.entries(CONSOLE_HEADERS)) c.header(name, value)
    if (!existsSync(join(dir, 'index.html'))) return c.html(NOT_BUILT_PAGE, 503)
    const served = await files(c, async () => {})
    if (served) return served
    if (c.req.path.startsWith('/assets/')) return next()
    return (await indexHtml(c, async () => {})) ?? next()
  })
}

function cacheControlFor(path: string): string {
  return path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkpost</title></head>
<body><h1>The console is not built</h1><p>Run <code>pnpm build</code> (or <code>pnpm start</code>, which builds it when missing), then reload. The API at <code>/api/</code> works meanwhile.</p></body></html>`
