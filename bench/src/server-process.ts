import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The product's own bundled server (built by `pnpm bench` before it starts). */
export const CHECKPOST_MAIN = `${ROOT}apps/server/dist/main.js`

/** A server child process on 127.0.0.1 that printed its URL. */
export interface ServerProcess {
  readonly url: string
  readonly pid: number
  /** Resident set size in MB, from /proc. */
  rssMb(): number
  stop(): Promise<void>
}

/**
 * Spawns `node [--import tsx] script` with PORT=0 and resolves once a line of
 * its stdout names its URL (`"url":"http://…"`), with the time that took.
 */
export function spawnServer(script: string, env: Record<string, string>): Promise<ServerProcess & { startedMs: number }> {
  const started = performance.now()
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CHECKPOST_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server ${script} did not start:\n${output}`)), 30_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.once('exit', (code) => fail(new Error(`server ${script} exited with ${code}:\n${output}`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      child.stdout!.removeAllListeners('data')
      child.stdout!.resume()
      resolve(handle(child, match[1]!, performance.now() - started))
    })
  })
}

function handle(child: ChildProcess, url: string, startedMs: number) {
  return {
    url,
    pid: child.pid!,
    startedMs,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
