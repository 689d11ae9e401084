import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startListeningServer } from './listening-server.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const EXAMPLE = 'examples/typed-client/main.ts'

describe('the typed-client example of the README', () => {
  it('runs as printed from the repository root against a running server', async () => {
    await using s = await startListeningServer()
    const env = { ...process.env, CHECKPOST_URL: s.url, CHECKPOST_KEY: s.adminKey }
    const { stdout } = await promisify(execFile)('pnpm', ['exec', 'tsx', EXAMPLE], { cwd: ROOT, env })
    expect(stdout).toMatch(/^created typed-client-\d+; the catalog holds 1 system\(s\)\nbatch: 1 system\(s\), 0 group\(s\)\n$/)
  })

  it('is printed in the README exactly as the file that runs', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain(`\`\`\`ts\n${readFileSync(resolve(ROOT, EXAMPLE), 'utf8')}\`\`\``)
  })
})
