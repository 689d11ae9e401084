import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** `pnpm start` in its own process group (as a terminal would run it), on a fresh SQLite file. */
function pnpmStart() {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-start-'))
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CHECKPOST_DATABASE_URL: `sqlite:${join(dir, 'checkpost.db')}` },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 90 s:\n${output}`)), 90_000)
    child.stdout.on('data', () => {
      const match = /"url":"([^"]+)","database":[^\n]*"message":"checkpost listening"/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, listening, exited, output: () => output, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Pids still alive in a process group. */
function groupMembers(pgid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' })
  return ps.stdout.split('\n').map((line) => Number(line.trim())).filter((pid) => pid > 0)
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (condition()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return condition()
}

describe('pnpm start', () => {
  it('stops the server when pnpm alone gets SIGTERM, leaving no process behind', async () => {
    const run = pnpmStart()
    const pgid = run.child.pid!
    try {
      const url = await run.listening
      expect((await fetch(`${url}/api/ready`)).status).toBe(200)
      process.kill(pgid, 'SIGTERM') // pnpm only, as a process manager signals the process it started
      expect(await until(() => groupMembers(pgid).length === 0, 15_000)).toBe(true)
      expect(run.output()).toContain('"message":"checkpost stopped"')
    } finally {
      for (const pid of groupMembers(pgid)) process.kill(pid, 'SIGKILL')
      run.cleanup()
    }
  })

  it('stops cleanly on Ctrl-C, without ELIFECYCLE noise', async () => {
    const run = pnpmStart()
    const pgid = run.child.pid!
    try {
      await run.listening
      process.kill(-pgid, 'SIGINT') // a terminal's Ctrl-C reaches the whole foreground group
      await run.exited
      expect(await until(() => groupMembers(pgid).length === 0, 15_000)).toBe(true)
      expect(run.child.exitCode).toBe(0)
      expect(run.output()).toContain('"message":"checkpost stopped"')
      expect(run.output()).not.toContain('ELIFECYCLE')
    } finally {
      for (const pid of groupMembers(pgid)) process.kill(pid, 'SIGKILL')
      run.cleanup()
    }
  })
})
