import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))

/** Every figure the harness prints, by the start of its label. */
const LABELS = [
  'static ceiling getSystems',
  'data ceiling getSystems',
  'data ceiling + key-row read getSystems',
  'Checkpost JSON endpoint getSystems',
  'Checkpost per-procedure endpoint getSystems',
  'naive (argon2 + queries + write per request)',
  'server CPU per request, data ceiling',
  'server CPU per request, Checkpost JSON endpoint',
  'server CPU per request, Checkpost per-procedure endpoint',
  'p99 data ceiling',
  'p99 Checkpost JSON endpoint',
  '1. JSON endpoint / data ceiling req/s',
  '1. data ceiling CPU per request / JSON endpoint CPU per request',
  '1. JSON endpoint p99 / data ceiling p99',
  '1. JSON endpoint / static ceiling req/s',
  '(data ceiling + key-row read) / data ceiling req/s',
  'JSON endpoint / (data ceiling + key-row read) req/s',
  '(data ceiling + key-row read) CPU per request / JSON endpoint CPU per request',
  '1. per-procedure / JSON endpoint req/s',
  '2. JSON endpoint / naive req/s',
  '1-2. failed answers',
  'one 100-key batch',
  '100 single calls',
  '3. 100 single calls / one 100-key batch',
  '4. reportResults on SQLite, batches of 1,000',
  '4. rows left by a batch with one bad result (SQLite)',
  '4. reportResults on Postgres',
  '5. req/s with',
  '5. failed answers in the growth runs',
  '5. RSS now,',
  '5. peak RSS,',
  '6. valid req/s under a wrong-secret flood / alone',
  '6. requests timed out during the flood runs',
  '6. valid requests refused',
  '6. wrong-secret requests answered 2xx',
  'key without rate limit or allowlist getSystems',
  'key with rate limit + allowlist getSystems',
  'server CPU per request, key without rate limit or allowlist',
  'server CPU per request, key with rate limit + allowlist',
  '9. rate limit + allowlist / without req/s',
  '9. CPU per request without / with rate limit + allowlist',
  '9. failed answers (non-2xx, timeouts, socket errors)',
  '7. cold start to first authenticated answer, `pnpm start`',
  '7. the same, the bundle alone',
]

// Runs the harness at its tiny size so it cannot rot. It asserts that every
// figure is printed with a number (or an explained n/a), never what the number is.
it('runs the benchmark harness end to end in --quick mode and prints every figure', async () => {
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--quick', '--cold-starts', '1'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk))
    child.on('close', (exit) => resolve({ code: exit, out }))
  })
  expect(code, out).toBe(0)
  for (const label of LABELS) {
    const row = out.split('\n').find((line) => line.startsWith(`| ${label}`))
    expect(row, `missing figure "${label}" in:\n${out}`).toBeDefined()
    expect(row).toMatch(/\| ([\d,.]+|n\/a: [^|]+) /)
  }
}, 300_000)
