import { it } from 'vitest'
import { launchChromium } from './support/chromium.ts'
import { startConsoleServer } from './support/console-server.ts'
import { openWatchedPage } from './support/watched-page.ts'
it('scratch', async () => {
  await using server = await startConsoleServer()
  const browser = await launchChromium()
  await using w = await openWatchedPage(browser, { baseUrl: server.url })
  await w.page.goto('/settings/roles')
  await w.page.waitForTimeout(1500)
  await w.page.screenshot({ path: '/tmp/scratch.png' })
  console.log(JSON.stringify(w.problems, null, 1))
  await browser.close()
})
