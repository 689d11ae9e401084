import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { openSettingsTab, signIn } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'margaret@example.com', password: 'correct horse battery' }

let server: ConsoleServer
let browser: Browser
let adminKey: string
let healthCheckId: string

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  adminKey = await mintAdminKey(server)
  await createUser(server, { adminKey, ...ADMIN, roleIds: ['admin'] })
  const system = await callWithKey(server.url, adminKey, { plugin: 'catalog', procedure: 'createSystem', input: { name: 'Payments API' } })
  const systemId = (system.body as { id: string }).id
  const search = await callWithKey(server.url, adminKey, { plugin: 'catalog', procedure: 'createSystem', input: { name: 'Search' } })
  const check = await callWithKey(server.url, adminKey, {
    plugin: 'healthcheck',
    procedure: 'createHealthCheck',
    input: { systemId, name: 'Ping', kind: 'push' },
  })
  healthCheckId = (check.body as { id: string }).id
  await seedAuditedChanges()
  await callWithKey(server.url, adminKey, { plugin: 'healthcheck', procedure: 'reportResults', input: { results: [{ healthCheckId, status: 'degraded' }] } })
  const now = Date.now()
  await callWithKey(server.url, adminKey, {
    plugin: 'maintenance',
    procedure: 'scheduleWindow',
    input: { title: 'Search reindex', systemIds: [(search.body as { id: string }).id], startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() },
  })
  await callWithKey(server.url, adminKey, {
    plugin: 'incident',
    procedure: 'createIncident',
    input: { title: 'Slow card payments', impact: 'major', systemIds: [systemId] },
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

/** A few changes the audit log records (catalog and health changes are not audited). */
async function seedAuditedChanges() {
  const call = (procedure: string, input: unknown) => callWithKey(server.url, adminKey, { plugin: 'auth-applications', procedure, input })
  const app = await call('createApplication', { name: 'Nightly backup', description: 'Copies the database at 02:00' })
  const team = await call('createTeam', { name: 'Platform' })
  await call('addTeamMember', { teamId: (team.body as { id: string }).id, applicationId: (app.body as { id: string }).id })
}

/** Visits a page through the navigation and waits for its heading. */
async function visit(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click()
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

describe('every page of the console', () => {
  it('renders each page at 1280×800 without a browser error, screenshots kept in docs/console', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await page.goto('/')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await w.screenshot('sign-in')
    await signIn(page, ADMIN)
    // Applications and Teams are shot by the flows that fill them (seed-flow, teams-and-access).
    for (const tab of ['Applications', 'Roles', 'Teams', 'Users'] as const) {
      await openSettingsTab(page, tab)
      await page.waitForLoadState('networkidle')
      if (tab === 'Roles' || tab === 'Users') await w.screenshot(tab.toLowerCase())
    }
    await visit(page, 'Status', 'Status')
    await page.getByText('Slow card payments').waitFor()
    await page.getByText('Search reindex').waitFor()
    await page.getByRole('row', { name: /Payments API/ }).getByText('degraded', { exact: true }).waitFor()
    await w.screenshot('status')
    await visit(page, 'Audit Log', 'Audit Log')
    await page.getByRole('rowheader', { name: 'team.member_added' }).waitFor()
    await page.getByRole('row', { name: /application\.created/ }).getByText('Changes', { exact: true }).click()
    await w.screenshot('audit-log')
    await visit(page, 'API Keys', 'API Keys')
    await page.getByRole('button', { name: 'Create API Key' }).click()
    await page.getByLabel('Name').fill('laptop')
    await page.getByRole('button', { name: 'Create API Key' }).click()
    await page.getByText('it will never be shown again').waitFor()
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByRole('rowheader', { name: 'laptop' }).waitFor()
    await w.screenshot('api-keys')
    expect(w.problems).toEqual([])
  })

  it('refreshes Status on its own: a new result shows without a reload', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await visit(page, 'Status', 'Status')
    const health = page.getByRole('row', { name: /Payments API/ }).locator('.health')
    await expect.poll(() => health.innerText()).toMatch(/degraded/i)
    const report = { results: [{ healthCheckId, status: 'healthy' }] }
    expect((await callWithKey(server.url, adminKey, { plugin: 'healthcheck', procedure: 'reportResults', input: report })).status).toBe(200)
    await expect.poll(() => health.innerText(), { timeout: 20_000, interval: 500 }).toMatch(/healthy/i)
    expect(w.problems).toEqual([])
  })

  it('reads at 390×844: the navigation and the Applications table fit a phone', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url, viewport: { width: 390, height: 844 } })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Applications')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await w.screenshot('applications-phone')
    expect(w.problems).toEqual([])
  })

  it('signs in with the keyboard alone, and the focused control shows a visible outline', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await page.goto('/')
    await page.getByLabel('Email').waitFor()
    await page.keyboard.type(ADMIN.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(ADMIN.password)
    await page.keyboard.press('Enter')
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle }
    })
    expect(focused).toEqual({ text: 'Skip to content', outline: 'solid' })
    expect(w.problems).toEqual([])
  })
})
