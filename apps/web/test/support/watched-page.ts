import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'

/** Where the test run's screenshots go (committed, shown in the README). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../docs/console/', import.meta.url))

/** A page whose console errors, uncaught exceptions, failed and off-host requests are recorded. */
export interface WatchedPage extends AsyncDisposable {
  readonly page: Page
  /** Everything that went wrong in the browser so far, in words. */
  readonly problems: string[]
  /** Saves a screenshot of the whole page as docs/console/{name}.png. */
  screenshot(name: string): Promise<void>
}

export interface WatchedPageOptions {
  readonly baseUrl: string
  readonly viewport?: { width: number; height: number }
}

/**
 * Opens a fresh browser context (own cookies) on the console. Any request to
 * another host is aborted and recorded: the console must work offline.
 */
export async function openWatchedPage(browser: Browser, options: WatchedPageOptions): Promise<WatchedPage> {
  const { baseUrl } = options
  const context = await browser.newContext({ baseURL: baseUrl, viewport: options.viewport ?? { width: 1280, height: 800 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
  const problems: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${baseUrl}/`)) return route.continue()
    problems.push(`request to another host: ${url}`)
    return route.abort()
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()} at ${message.location().url}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? ''
    // A fetch cut short by leaving the page is no fault of the console.
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`)
  })
  return {
    page,
    problems,
    screenshot: async (name) => {
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true, animations: 'disabled' })
    },
    [Symbol.asyncDispose]: () => context.close(),
  }
}
