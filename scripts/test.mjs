// `npm test` / `pnpm test`: installs what is missing, then runs every package's
// tests (turbo, one package at a time, all of them even after a failure).
// When something fails, the failures are printed again at the very end, so the
// last lines of a long CI log say what failed.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ensureWorkspace, ROOT } from './ensure-workspace.mjs'
import { FailureCollector } from './test-failures.mjs'

const env = ensureWorkspace({ start: false })
const turbo = join(ROOT, 'node_modules', '.bin', 'turbo')
const child = spawn(turbo, ['run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], {
  cwd: ROOT,
  env,
  stdio: ['inherit', 'pipe', 'inherit'],
})
const failures = new FailureCollector()
createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
  process.stdout.write(`${line}\n`)
  failures.add(line)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('close', (code, signal) => {
  const exitCode = code ?? (signal ? 1 : 0)
  if (exitCode !== 0) process.stdout.write(failures.summary())
  process.exit(exitCode)
})
