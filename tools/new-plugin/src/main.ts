// `pnpm new-plugin <id> [--resource <name>] [--skip-install]`: scaffolds a plugin and registers it.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { scaffoldPlugin, ScaffoldError } from './scaffold-plugin.ts'

const USAGE = 'Usage: pnpm new-plugin <id> [--resource <name>] [--skip-install]'
const root = resolve(fileURLToPath(import.meta.url), '../../../..')

try {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { resource: { type: 'string' }, 'skip-install': { type: 'boolean' } },
  })
  if (positionals.length !== 1) throw new ScaffoldError(USAGE)
  const id = positionals[0]!
  const written = scaffoldPlugin({ root, id, resource: values.resource })
  process.stdout.write(`${written.map((path) => `  wrote ${path}`).join('\n')}\n`)
  if (!values['skip-install']) {
    // Links the two new workspace packages (no download: their dependencies are the workspace's).
    // New workspace packages change the lockfile; CI=true would otherwise make pnpm refuse (frozen lockfile).
    const install = spawnSync('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: root, stdio: 'inherit' })
    if (install.status !== 0) throw new Error('pnpm install failed; run it yourself to link the new packages')
  }
  process.stdout.write(
    `\nPlugin "${id}" is registered in apps/server/src/plugins.ts. Next:\n` +
      `  pnpm --filter @checkpost/${id}-server test\n  pnpm start   # then see it in http://localhost:3000/api/docs\n`,
  )
} catch (error) {
  const message = error instanceof ScaffoldError || error instanceof TypeError ? error.message : String(error)
  process.stderr.write(`new-plugin: ${message}\n`)
  process.exit(1)
}
