import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Where the reference page is, and the local assets it loads (no CDN, no fonts, no proxy). */
export const API_DOCS_PATH = '/api/docs'
export const SCALAR_SCRIPT_PATH = `${API_DOCS_PATH}/scalar.js`
export const DOCS_INIT_PATH = `${API_DOCS_PATH}/init.js`

/** The reference page: Scalar's standalone bundle, served by the host itself. */
export const API_DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Checkpost API reference</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="app"></div>
    <script src="${SCALAR_SCRIPT_PATH}"></script>
    <script src="${DOCS_INIT_PATH}"></script>
  </body>
</html>
`

// Scalar reaches out to its own hosts unless told not to: fonts, a request proxy, telemetry.
const SCALAR_CONFIGURATION = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  proxyUrl: '',
  telemetry: false,
  hideClientButton: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  documentDownloadType: 'json',
}

/** Starts Scalar on the page with the offline configuration (a file, so a strict CSP needs no inline script). */
export const API_DOCS_INIT_JS = `Scalar.createApiReference('#app', ${JSON.stringify(SCALAR_CONFIGURATION)})\n`

let scalarScript: Promise<string> | undefined

/** Scalar's standalone browser bundle from node_modules, read once on first use. */
export function loadScalarScript(): Promise<string> {
  scalarScript ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference')
    return readFile(join(dirname(entry), 'browser', 'standalone.js'), 'utf8')
  })()
  return scalarScript
}
