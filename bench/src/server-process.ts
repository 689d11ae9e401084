import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 30_000

/** A server child process on 127.0.0.1 that answers HTTP. */
export interface ServerProcess {
  readonly url: string
  readonly pid: number
  /** From spawn to the first answer `ready` accepted. */
  readonly startedMs: number
  /** Resident set size now, and its peak (VmHWM), in MB, from /proc. */
  memoryMb(): { rss: number; peak: number }
  stop(): Promise<void>
}

export interface SpawnOptions {
  readonly env: Record<string, string>
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[]
  /** Run this command instead of `node script` (e.g. `['pnpm', 'start']`, the README's command). */
  readonly command?: readonly [string, ...string[]]
  /** One probe of a started server; resolves true once it answers as wanted. Default: any HTTP answer. */
  readonly ready?: (url: string) => Promise<boolean>
}

/** A free TCP port on 127.0.0.1 (the OS picks it; the tiny race with other processes is acceptable here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Ready = not 503 on `/api/ready`: Checkpost listens before it migrates; servers without the route answer 404. */
const anyAnswer = async (url: string) => {
  const response = await fetch(`${url}/api/ready`, { method: 'GET' })
  await response.arrayBuffer()
  return response.status !== 503
}

/**
 * Spawns `node [--import tsx] script` (or `options.command`) on a free port of 127.0.0.1 with warn-level
 * logs, and resolves once `ready` accepts an answer (polled every 5 ms; default: `/api/ready` is not 503).
 */
export async function spawnServer(script: string, options: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = [...(options.nodeArgs ?? []), ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script]
  const [command, ...commandArgs] = options.command ?? [process.execPath, ...args]
  const started = performance.now()
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CHECKPOST_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops what a wrapper (`pnpm start`) started.
    detached: true,
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-20_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  let exited = false
  child.once('exit', () => (exited = true))
  const ready = options.ready ?? anyAnswer
  while (true) {
    if (exited) throw new Error(`server ${script} exited with ${child.exitCode}:\n${output}`)
    if (performance.now() - started > START_TIMEOUT_MS) {
      signalGroup(child, 'SIGKILL')
      throw new Error(`server ${script} did not answer within ${START_TIMEOUT_MS} ms:\n${output}`)
    }
    if (await ready(url).catch(() => false)) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return handle(child, url, performance.now() - started)
}

function handle(child: ChildProcess, url: string, startedMs: number): ServerProcess {
  const status = (field: string) => {
    const text = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024
  }
  return {
    url,
    pid: child.pid!,
    startedMs,
    memoryMb: () => ({ rss: status('VmRSS'), peak: status('VmHWM') }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(kill)
          resolve()
        })
        signalGroup(child, 'SIGTERM')
      }),
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    child.kill(signal)
  }
}

/** POSTs a JSON body with an optional bearer key. */
export function postJson(url: string, body: string, key?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (key) headers.authorization = `Bearer ${key}`
  return fetch(url, { method: 'POST', headers, body })
}
