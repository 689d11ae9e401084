import { launchChromium } from '@checkpost/testing/chromium'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plugins } from '../src/plugins.ts'
import { startListeningServer, type ListeningServer } from './listening-server.ts'

describe('GET /api/docs in a browser with no network', () => {
  let browser: Browser
  let server: ListeningServer

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startListeningServer()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.[Symbol.asyncDispose]()
  })

  it('renders every plugin from local assets only: no outside request, no failed request, no console error', async () => {
    const context = await browser.newContext({ offline: false })
    const origin = new URL(server.url).origin
    const outside: string[] = []
    const failed: string[] = []
    const consoleErrors: string[] = []
    // No network but the host: anything else is recorded and refused, as an offline machine would.
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue()
      outside.push(url)
      return route.abort('internetdisconnected')
    })
    const page = await context.newPage()
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))

    const response = await page.goto(`${server.url}/api/docs`)
    expect(response?.status()).toBe(200)
    await page.getByRole('heading', { name: 'Checkpost API' }).waitFor({ timeout: 30_000 })
    for (const plugin of plugins) await page.getByText(plugin.id, { exact: true }).first().waitFor({ timeout: 10_000 })
    await page.getByText('getApplications', { exact: true }).first().waitFor({ timeout: 10_000 })
    await page.waitForLoadState('networkidle')

    expect(outside).toEqual([])
    expect(failed).toEqual([])
    expect(consoleErrors).toEqual([])
    await context.close()
  }, 90_000)
})
