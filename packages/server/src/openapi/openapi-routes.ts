import type { Context, Hono } from 'hono'
import { requestIdOf } from '../host-routes.ts'
import type { Logger } from '../logger.ts'
import type { PluginDefinition } from '../plugin.ts'
import { API_DOCS_HTML, API_DOCS_INIT_JS, API_DOCS_PATH, DOCS_INIT_PATH, loadScalarScript, SCALAR_SCRIPT_PATH } from './api-docs.ts'
import { createOpenApiDocument } from './openapi-document.ts'

/** What the OpenAPI routes need from the host. */
export interface OpenApiRoutesOptions {
  readonly plugins: readonly PluginDefinition[]
  readonly maxBatchKeys: number
  readonly logger: Logger
}

/** The path of the generated document. */
export const OPENAPI_PATH = '/api/openapi.json'

/**
 * Serves, without auth, `GET /api/openapi.json` (generated once, starting now,
 * without holding up start-up) and the reference page `GET /api/docs` with its
 * local assets.
 */
export function mountOpenApiRoutes(app: Hono, options: OpenApiRoutesOptions): void {
  const document = createOpenApiDocument(options.plugins, { maxBatchKeys: options.maxBatchKeys }).then(
    (value) => JSON.stringify(value),
    (error: unknown) => {
      options.logger.error('OpenAPI document generation failed', { error })
      throw error
    },
  )
  // Kept as a rejection for the route to answer 500; never an unhandled one.
  document.catch(() => {})

  const JS = 'text/javascript; charset=utf-8'
  app.get(OPENAPI_PATH, async function openApiDocument(c: Context) {
    return c.body(await document, 200, headersFor(c, 'application/json; charset=utf-8'))
  })
  app.get(API_DOCS_PATH, (c) => c.body(API_DOCS_HTML, 200, headersFor(c, 'text/html; charset=utf-8')))
  app.get(DOCS_INIT_PATH, (c) => c.body(API_DOCS_INIT_JS, 200, headersFor(c, JS)))
  app.get(SCALAR_SCRIPT_PATH, async function scalarScript(c: Context) {
    return c.body(await loadScalarScript(), 200, { ...headersFor(c, JS), 'cache-control': 'public, max-age=86400' })
  })
}

function headersFor(c: Context, contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'x-request-id': requestIdOf(c) }
}
