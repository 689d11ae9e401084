import type { Locator, Page } from 'playwright-core'

/** Signs in through the form: Email, Password, Sign in; resolves once the main navigation shows. */
export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Email').fill(credentials.email)
  await page.getByLabel('Password').fill(credentials.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
}

/** Opens a tab of Authentication Settings through the navigation, as a person would. */
export async function openSettingsTab(page: Page, tab: 'Applications' | 'Roles' | 'Teams' | 'Users'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authentication Settings' }).click()
  await page.getByRole('navigation', { name: 'Authentication Settings' }).getByRole('link', { name: tab }).click()
  await page.getByRole('heading', { level: 2, name: tab }).waitFor()
}

/** The table row whose header cell is `name`. */
export function rowNamed(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

/** Clicks a row button, then the confirming button of the dialog it opens; returns the dialog's text. */
export async function confirmRowAction(page: Page, row: Locator, label: string): Promise<string> {
  await row.getByRole('button', { name: label }).click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  const text = await dialog.innerText()
  await dialog.getByRole('button', { name: label }).click()
  await dialog.waitFor({ state: 'hidden' })
  return text
}

/** Reads the once-shown secret, checks Copy puts it on the clipboard, then dismisses it. */
export async function takeSecret(page: Page, options: { screenshot?: () => Promise<void> } = {}): Promise<{ secret: string; copied: string; warning: string }> {
  const panel = page.locator('section.secret')
  await panel.waitFor()
  await options.screenshot?.()
  const warning = await panel.innerText()
  const secret = await panel.getByLabel('Secret').inputValue()
  await panel.getByRole('button', { name: 'Copy' }).click()
  await panel.getByText('Copied to the clipboard.').waitFor()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  await panel.getByRole('button', { name: 'Done' }).click()
  await panel.waitFor({ state: 'detached' })
  return { secret, copied, warning }
}
