// `pnpm start` on a fresh clone: builds the web console (apps/web/dist) when it
// is missing, so the host serves it at / without a separate build step.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const index = fileURLToPath(new URL('../apps/web/dist/index.html', import.meta.url))
if (!existsSync(index) && process.env.CHECKPOST_CONSOLE_DIR !== 'off') {
  process.stderr.write('checkpost: building the web console (apps/web/dist) once…\n')
  const result = spawnSync('pnpm', ['--filter', '@checkpost/web', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
