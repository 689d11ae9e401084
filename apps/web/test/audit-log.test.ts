import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { openSettingsTab, signIn, takeSecret } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'barbara@example.com', password: 'correct horse battery' }
const AUDITOR = { email: 'edsger@example.com', password: 'a long auditor password' }
const VIEWER = { email: 'ken@example.com', password: 'another long password' }
const BATCH = 23

let server: ConsoleServer
let browser: Browser
let adminKey: string

const api = (procedure: string, input: unknown = {}) => callWithKey(server.url, adminKey, { plugin: 'auth-applications', procedure, input })

async function createRoleFor(name: string, accessRules: string[]): Promise<string> {
  const role = await api('createRole', { name, accessRules })
  return (role.body as { id: string }).id
}

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  adminKey = await mintAdminKey(server)
  await createUser(server, { adminKey, ...ADMIN, roleIds: ['admin'] })
  await createUser(server, { adminKey, ...AUDITOR, roleIds: [await createRoleFor('Auditor', ['auth-applications.audit.read'])] })
  await createUser(server, { adminKey, ...VIEWER, roleIds: [await createRoleFor('Application viewer', ['auth-applications.applications.read'])] })
  await api('createTeam', { name: 'Platform' })
  for (let n = 1; n <= BATCH; n++) await api('createApplication', { name: `Batch ${String(n).padStart(2, '0')}` })
})

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

async function openAuditLog(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).click()
  await page.getByRole('heading', { level: 1, name: 'Audit Log' }).waitFor()
}

/** Waits until page `n` has loaded (the pager says how many entries it shows) and returns its rows. */
async function loadedPage(page: Page, n: number) {
  await page.getByText(new RegExp(`^Page ${n}, \\d+ entr`)).waitFor()
  return page.getByRole('table', { name: 'Audit log entries' }).locator('tbody tr')
}

async function applyFilters(page: Page, fields: { action?: string; perPage?: string }) {
  if (fields.action !== undefined) await page.getByLabel('Action').fill(fields.action)
  if (fields.perPage !== undefined) await page.getByLabel('Entries per page').selectOption(fields.perPage)
  await page.getByRole('button', { name: 'Apply filters' }).click()
}

const cellText = (rows: Awaited<ReturnType<typeof loadedPage>>, label: string) => rows.locator(`[data-label="${label}"]`).allInnerTexts()

describe('the Audit Log page', () => {
  it('lists an application created in the console as application.created with its name, actor, request id and changes', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Applications')
    await page.getByRole('button', { name: 'Create Application' }).click()
    await page.getByLabel('Name').fill('Release bot')
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth-applications/createApplication'))
    await page.getByRole('button', { name: 'Create Application' }).click()
    const requestId = await (await answer).headerValue('x-request-id')
    await takeSecret(page)

    await openAuditLog(page)
    const newest = (await loadedPage(page, 1)).first()
    expect(await newest.getByRole('rowheader').innerText()).toBe('application.created')
    expect(await newest.locator('[data-label="Target"]').innerText()).toMatch(/^application Release bot\s+[0-9a-f-]{36}$/)
    expect(await newest.locator('[data-label="Actor"]').innerText()).toMatch(/^user barbara\s+[0-9a-f-]{36}$/)
    expect(await newest.locator('[data-label="Request id"]').innerText()).toBe(requestId)
    expect(await newest.locator('[data-label="Source address"]').innerText()).toBe('127.0.0.1')
    const changes = newest.locator('pre.changes')
    expect(await changes.isVisible()).toBe(false)
    await newest.getByText('Changes', { exact: true }).focus()
    await page.keyboard.press('Enter')
    expect(JSON.parse(await changes.innerText())).toMatchObject({ name: 'Release bot', roles: ['applications'] })
    expect(w.problems).toEqual([])
  })

  it('shows only the chosen action once an action filter is applied (keyboard: Enter applies)', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, AUDITOR)
    await openAuditLog(page)
    expect(new Set(await cellText(await loadedPage(page, 1), 'Action')).size).toBeGreaterThan(1)
    await page.getByLabel('Action').focus()
    await page.keyboard.type('role.created')
    await page.keyboard.press('Enter')
    await page.getByText(/^Page 1, 2 entries$/).waitFor()
    const rows = await loadedPage(page, 1)
    expect(await cellText(rows, 'Action')).toEqual(['role.created', 'role.created'])
    expect((await cellText(rows, 'Target')).map((text) => text.split('\n')[0])).toEqual(['role Application viewer', 'role Auditor'])
    expect(w.problems).toEqual([])
  })

  it('pages through more entries than a page holds: older entries are reached, none repeats, each request asks for one page', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    const limits: unknown[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth-applications/getAuditLog')) limits.push((request.postDataJSON() as { limit?: unknown }).limit)
    })
    await signIn(page, AUDITOR)
    await openAuditLog(page)
    await applyFilters(page, { action: 'application.created', perPage: '10' })
    const seen: string[] = []
    const older = page.getByRole('button', { name: 'Older' })
    for (let n = 1; ; n++) {
      const targets = await cellText(await loadedPage(page, n), 'Target')
      expect(targets.length).toBeLessThanOrEqual(10)
      seen.push(...targets.map((text) => text.split('\n')[0]!))
      if (await older.isDisabled()) break
      await older.click()
    }
    const batch = Array.from({ length: BATCH }, (_, i) => `application Batch ${String(BATCH - i).padStart(2, '0')}`)
    expect(seen.filter((name) => name.includes('Batch'))).toEqual(batch)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBeGreaterThan(20)
    expect(limits.slice(-3)).toEqual([10, 10, 10])

    await page.getByRole('button', { name: 'Newer' }).click()
    const back = await cellText(await loadedPage(page, 2), 'Target')
    expect(back.map((text) => text.split('\n')[0])).toEqual(seen.slice(10, 20))
    expect(w.problems).toEqual([])
  })

  it('shows a refused filter in the server’s words with the request id of its response', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, AUDITOR)
    await openAuditLog(page)
    await loadedPage(page, 1)
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth-applications/getAuditLog'))
    await applyFilters(page, { action: 'Application Created' })
    const response = await answer
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(response.status()).toBe(400)
    expect(await alert.innerText()).toMatch(new RegExp(`\\(400 BAD_REQUEST, request id ${await response.headerValue('x-request-id')}\\)$`))
    expect(w.problems).toEqual([expect.stringContaining('status of 400')])
  })

  it('offers no Audit Log to a user without auth-applications.audit.read, even at its address', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/getAuditLog')) asked.push(request.url())
    })
    await signIn(page, VIEWER)
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Authentication Settings', 'API Keys'])
    await page.goto('/audit-log')
    await page.getByRole('heading', { level: 1, name: 'Authentication Settings' }).waitFor()
    expect(asked).toEqual([])
    expect(w.problems).toEqual([])
  })

  it('reads at 390×844: the page fits the phone and the table scrolls sideways inside its frame', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url, viewport: { width: 390, height: 844 } })
    const { page } = w
    await signIn(page, AUDITOR)
    await openAuditLog(page)
    await loadedPage(page, 1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const frame = page.locator('.table-wrap')
    expect(await frame.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    expect(w.problems).toEqual([])
  })
})
