import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@checkpost/testing/chromium'
import { confirmRowAction, openSettingsTab, rowNamed, signIn, takeSecret } from './support/console-steps.ts'
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts'
import { callWithKey, createUser, mintAdminKey } from './support/seed-identities.ts'
import { openWatchedPage } from './support/watched-page.ts'

const ADMIN = { email: 'ada@example.com', password: 'correct horse battery' }
const getSystems = { plugin: 'catalog', procedure: 'getSystems' }

let server: ConsoleServer
let browser: Browser

beforeAll(async () => {
  server = await startConsoleServer()
  browser = await launchChromium()
  await createUser(server, { adminKey: await mintAdminKey(server), ...ADMIN, roleIds: ['admin'] })
})

afterAll(async () => {
  await browser?.close()
  await server?.[Symbol.asyncDispose]()
})

describe('the seeds’ External Applications flow, in the browser', () => {
  it('creates an application, gives it a role with a checkbox, regenerates and deletes it', async () => {
    await using w = await openWatchedPage(browser, { baseUrl: server.url })
    const { page } = w
    await signIn(page, ADMIN)

    await openSettingsTab(page, 'Roles')
    await page.getByRole('button', { name: 'Create Role' }).click()
    await page.getByLabel('Name').fill('Catalog reader')
    await page.getByRole('checkbox', { name: 'catalog.catalog.read' }).check()
    await page.getByRole('button', { name: 'Create Role' }).click()
    await rowNamed(page, 'Catalog reader').waitFor()

    await openSettingsTab(page, 'Applications')
    await page.getByRole('button', { name: 'Create Application' }).click()
    await page.getByLabel('Name').fill('CI pipeline')
    await page.getByLabel('Description').fill('Deploys from main')
    await page.getByRole('button', { name: 'Create Application' }).click()
    const created = await takeSecret(page, { screenshot: () => w.screenshot('applications-secret') })
    expect(created.warning).toContain('it will never be shown again')
    expect(created.secret).toMatch(/^ck_[0-9a-f-]{36}_[0-9A-Za-z]+$/)
    expect(created.copied).toBe(created.secret)
    expect(await page.content()).not.toContain(created.secret)

    expect((await callWithKey(server.url, created.secret, getSystems)).status).toBe(403)

    const row = rowNamed(page, 'CI pipeline')
    await row.getByRole('checkbox', { name: 'Catalog reader' }).check()
    await expect.poll(() => callWithKey(server.url, created.secret, getSystems).then((r) => r.status)).toBe(200)
    expect(await row.getByRole('checkbox', { name: 'Catalog reader' }).isChecked()).toBe(true)

    await expect.poll(() => row.locator('time').innerText(), { timeout: 40_000, interval: 1000 }).not.toBe('Never')
    await w.screenshot('applications')

    const regenerateText = await confirmRowAction(page, row, 'Regenerate Secret')
    expect(regenerateText).toContain('stops working')
    const renewed = await takeSecret(page)
    expect(renewed.secret).not.toBe(created.secret)
    expect((await callWithKey(server.url, created.secret, getSystems)).status).toBe(401)
    expect((await callWithKey(server.url, renewed.secret, getSystems)).status).toBe(200)

    const deleteText = await confirmRowAction(page, row, 'Delete')
    expect(deleteText).toContain('refused (401)')
    await row.waitFor({ state: 'detached' })
    expect((await callWithKey(server.url, renewed.secret, getSystems)).status).toBe(401)
    expect(w.problems).toEqual([])
  })
})
