import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { openSettingsTab, signIn } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'grace@example.com', password: 'correct horse battery' }
const VIEWER = { email: 'linus@example.com', password: 'another long password' }

let server: ConsoleServer
let browser: Browser
let adminKey: string

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  adminKey = await mintAdminKey(server)
  await createUser(server, { adminKey, ...ADMIN, roleIds: ['admin'] })
  const role = await callWithKey(server.url, adminKey, {
    plugin: 'auth-applications',
    procedure: 'createRole',
    input: { name: 'Application viewer', accessRules: ['auth-applications.applications.read'] },
  })
  await createUser(server, { adminKey, ...VIEWER, roleIds: [(role.body as { id: string }).id] })
  await callWithKey(server.url, adminKey, { plugin: 'catalog', procedure: 'createSystem', input: { name: 'Payments API' } })
  await callWithKey(server.url, adminKey, { plugin: 'auth-applications', procedure: 'createApplication', input: { name: 'Nightly backup' } })
})

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

describe('teams in the browser', () => {
  it('makes a team with an application and a user as members, granted one system', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Teams')
    await page.getByRole('button', { name: 'Create Team' }).click()
    await page.getByLabel('Name').fill('Platform')
    await page.getByRole('button', { name: 'Create Team' }).click()
    const card = page.getByRole('article', { name: 'Platform' })
    await card.getByLabel('Add member to Platform').selectOption({ label: 'Application: Nightly backup' })
    await card.getByRole('button', { name: 'Add Member' }).click()
    await card.getByRole('listitem').filter({ hasText: 'Nightly backup' }).waitFor()
    await card.getByLabel('Add member to Platform').selectOption({ label: 'User: linus <linus@example.com>' })
    await card.getByRole('button', { name: 'Add Member' }).click()
    await card.getByRole('listitem').filter({ hasText: 'linus' }).waitFor()

    await page.getByLabel('System', { exact: true }).selectOption({ label: 'Payments API' })
    await page.getByRole('button', { name: 'Grant Access' }).click()
    await page.getByRole('table', { name: 'Teams granted Payments API' }).getByRole('rowheader', { name: 'Platform' }).waitFor()

    const teams = await callWithKey(server.url, adminKey, { plugin: 'auth-applications', procedure: 'getTeams' })
    const platform = (teams.body as { teams: { name: string; members: { kind: string }[] }[] }).teams.find((t) => t.name === 'Platform')
    expect(platform?.members.map((m) => m.kind).sort()).toEqual(['application', 'user'])
    await w.screenshot('teams')
    expect(w.problems).toEqual([])
  })
})

describe('a user sees only what its rules allow', () => {
  it('shows no Roles tab and no Create Application button to a user who may only read applications', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, VIEWER)
    await openSettingsTab(page, 'Applications')
    const tabs = page.getByRole('navigation', { name: 'Authentication Settings' })
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['Applications'])
    expect(await page.getByRole('button', { name: 'Create Application' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0)
    await page.getByRole('rowheader', { name: 'Nightly backup' }).waitFor()
    expect(w.problems).toEqual([])
  })
})

describe('server errors in the console', () => {
  it('shows a refusal in the server’s words with the request id of its response', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)
    await openSettingsTab(page, 'Roles')
    await page.getByRole('button', { name: 'Create Role' }).click()
    await page.getByLabel('Name').fill('Application viewer')
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth-applications/createRole'))
    await page.getByRole('button', { name: 'Create Role' }).click()
    const response = await answer
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(response.status()).toBe(409)
    expect(await alert.innerText()).toBe(
      `A role named "Application viewer" already exists (409 CONFLICT, request id ${await response.headerValue('x-request-id')})`,
    )
    expect(w.problems).toEqual([expect.stringContaining('status of 409')])
  })
})
