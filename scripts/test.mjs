// `npm test` / `pnpm test`: installs what is missing, then runs every package's
// tests (turbo, one package at a time, all of them even after a failure).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureWorkspace, ROOT } from './ensure-workspace.mjs'

const env = ensureWorkspace({ start: false })
const turbo = join(ROOT, 'node_modules', '.bin', 'turbo')
const child = spawn(turbo, ['run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
