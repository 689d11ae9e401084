import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))

const LABELS = [
  'static ceiling getSystems',
  'data ceiling getSystems',
  'Checkpost authenticated getSystems',
  'naive (argon2 + queries + write per request)',
  '1. Checkpost / data ceiling',
  '1. Checkpost p99 / data ceiling p99',
  '1. Checkpost / static ceiling',
  '2. Checkpost / naive',
  '3. 100 single calls / one 100-key batch',
  '4. reportResults, batches of 1,000',
  '5. req/s with',
  '5. RSS,',
  '6. valid req/s under a wrong-secret flood / alone',
  '6. requests timed out during the flood runs',
  '7. cold start to first authenticated answer',
]

// Runs the harness at its tiny size so it cannot rot. It asserts that every
// figure is printed with a number, never what the number is.
it('runs the benchmark harness end to end in --quick mode and prints every figure', async () => {
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--quick'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk))
    child.on('close', (exit) => resolve({ code: exit, out }))
  })
  expect(code, out).toBe(0)
  for (const label of LABELS) {
    const row = out.split('\n').find((line) => line.startsWith(`| ${label}`))
    expect(row, `missing figure "${label}" in:\n${out}`).toBeDefined()
    expect(row).toMatch(/\| [\d,.]+ /)
  }
}, 300_000)
