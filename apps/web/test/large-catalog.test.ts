import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { signIn } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'ada@example.com', password: 'correct horse battery' }
/** One more than a getSystems page holds, so the last system is only on the second page. */
const SYSTEMS = 501
const nameOf = (index: number) => `system-${String(index).padStart(3, '0')}`

let server: ConsoleServer
let browser: Browser

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  const adminKey = await mintAdminKey(server)
  await createUser(server, { adminKey, ...ADMIN, roleIds: ['admin'] })
  for (let index = 0; index < SYSTEMS; index++) {
    const created = await callWithKey(server.url, adminKey, { plugin: 'catalog', procedure: 'createSystem', input: { name: nameOf(index) } })
    if (created.status !== 200) throw new Error(`createSystem answered ${created.status}`)
  }
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

describe('a catalog larger than one getSystems page', () => {
  it('shows every system on Status, the ones past the first page of 500 too', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click()
    await page.getByRole('rowheader', { name: nameOf(SYSTEMS - 1), exact: true }).waitFor()
    expect(await page.getByRole('rowheader', { name: /^system-\d{3}$/ }).count()).toBe(SYSTEMS)
    expect(w.problems).toEqual([])
  })
})
