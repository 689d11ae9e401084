// Browser tests (the web console, the API docs) launch Debian's Chromium through this one helper.
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); CHECKPOST_CHROMIUM overrides the path. */
export const CHROMIUM_PATH = process.env.CHECKPOST_CHROMIUM || '/usr/bin/chromium'

/** Flags Chromium needs in this sandbox, and no phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Launches headless Chromium through playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}
