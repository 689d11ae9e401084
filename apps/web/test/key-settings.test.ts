import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { confirmRowAction, openSettingsTab, rowNamed, signIn, takeSecret } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'barbara@example.com', password: 'correct horse battery' }
const getApplications = { plugin: 'auth-applications', procedure: 'getApplications' }

let server: ConsoleServer
let browser: Browser
let appKey: string

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  const adminKey = await mintAdminKey(server)
  await createUser(server, { adminKey, ...ADMIN, roleIds: ['admin'] })
  const created = await callWithKey(server.url, adminKey, { plugin: 'auth-applications', procedure: 'createApplication', input: { name: 'Monitor' } })
  appKey = (created.body as { secret: string }).secret
})

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

describe('key settings in the browser', () => {
  it('sets expiry, a rate limit and allowed addresses, and the key obeys them', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Applications')
    await rowNamed(page, 'Monitor').getByRole('button', { name: 'Key Settings' }).click()
    await page.getByLabel('Expires (empty: never)').fill('2099-01-01T12:00')
    await page.getByLabel('Requests').fill('50')
    await page.getByLabel('Per seconds').fill('60')
    await page.getByLabel(/Allowed addresses/).fill('203.0.113.0/24')
    await page.getByRole('button', { name: 'Save Key Settings' }).click()
    await rowNamed(page, 'Monitor').getByText('50 per 60 s').waitFor()

    const refused = await callWithKey(server.url, appKey, getApplications)
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ message: 'Source address not allowed' })

    await rowNamed(page, 'Monitor').getByRole('button', { name: 'Key Settings' }).click()
    await page.getByLabel(/Allowed addresses/).fill('127.0.0.1\n::1')
    await page.getByRole('button', { name: 'Save Key Settings' }).click()
    await rowNamed(page, 'Monitor').getByText('127.0.0.1, ::1').waitFor()
    const allowed = await callWithKey(server.url, appKey, getApplications)
    expect(allowed.status).not.toBe(401)
    expect(allowed.headers.get('ratelimit-limit')).toBe('50')
    expect(allowed.headers.get('checkpost-key-expires')).toMatch(/^2099-01-01T/)
    await w.screenshot('applications-key-settings')
    expect(w.problems).toEqual([])
  })

  it('regenerates with an overlap: both secrets work until Revoke Previous Secret', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Applications')
    const row = rowNamed(page, 'Monitor')
    await row.getByRole('button', { name: 'Regenerate Secret' }).click()
    await page.getByRole('dialog').getByLabel(/Keep the old secret working/).fill('600')
    await page.getByRole('dialog').getByRole('button', { name: 'Regenerate Secret' }).click()
    const renewed = await takeSecret(page)
    expect((await callWithKey(server.url, appKey, getApplications)).status).not.toBe(401)
    expect((await callWithKey(server.url, renewed.secret, getApplications)).status).not.toBe(401)

    await confirmRowAction(page, row, 'Revoke Previous Secret')
    expect((await callWithKey(server.url, appKey, getApplications)).status).toBe(401)
    expect((await callWithKey(server.url, renewed.secret, getApplications)).status).not.toBe(401)
    expect(w.problems).toEqual([])
  })
})
