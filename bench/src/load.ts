import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

/** One load run's figures. `rps` counts 2xx answers only; `totalRps` counts every answer. */
export interface LoadResult {
  readonly rps: number
  readonly totalRps: number
  readonly requests: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly non2xx: number
  readonly timeouts: number
  /** Connect, read and write errors (not timeouts). */
  readonly socketErrors: number
}

export interface LoadOptions {
  readonly url: string
  readonly body: string
  readonly key?: string
  readonly connections: number
  readonly durationSec: number
  /** A fixed offered rate (requests per second over all connections) instead of as fast as possible. */
  readonly rate?: number
}

const TIMEOUT_SEC = 10

/** wrk (Debian's package) when installed: it takes less CPU from the server than a Node load generator. */
export const LOAD_GENERATOR: 'wrk' | 'autocannon' =
  process.env.BENCH_LOAD_GENERATOR === 'autocannon' || spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk'

/**
 * POSTs `body` as JSON over keep-alive connections for `durationSec`, as fast
 * as the server answers — or at `rate` requests per second, which only
 * autocannon can hold (wrk has no fixed-rate mode).
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return LOAD_GENERATOR === 'wrk' && options.rate === undefined ? runWrk(options) : runAutocannon(options)
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.key) headers.authorization = `Bearer ${options.key}`
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers,
    body: options.body,
    connections: options.connections,
    duration: options.durationSec,
    timeout: TIMEOUT_SEC,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
  })
  const seconds = result.duration || options.durationSec
  const ok = result['2xx']
  return {
    rps: ok / seconds,
    totalRps: result.requests.total / seconds,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    socketErrors: Math.max(0, result.errors - result.timeouts),
  }
}

function runWrk(options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-wrk-'))
  const script = join(dir, 'post.lua')
  const lines = [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(options.body)}`,
    'wrk.headers["Content-Type"] = "application/json"',
  ]
  if (options.key) lines.push(`wrk.headers["Authorization"] = "Bearer ${options.key}"`)
  writeFileSync(script, lines.join('\n') + '\n')
  const threads = Math.min(2, options.connections)
  const args = [`-t${threads}`, `-c${options.connections}`, `-d${options.durationSec}s`, '--timeout', `${TIMEOUT_SEC}s`, '--latency', '-s', script, options.url]
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args)
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true })
      if (code !== 0 || !/Requests\/sec/.test(out)) return reject(new Error(`wrk exited with ${code}:\n${out}${err}`))
      resolve(parseWrk(out))
    })
  })
}

/** Reads wrk's text report (`--latency`). */
export function parseWrk(out: string): LoadResult {
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0)
  const requests = number(/(\d+) requests in/)
  const seconds = toMs(/requests in ([\d.]+\w+),/.exec(out)?.[1]) / 1000
  const non2xx = number(/Non-2xx or 3xx responses:\s+(\d+)/)
  const socket = /connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  return {
    rps: (requests - non2xx) / seconds,
    totalRps: number(/Requests\/sec:\s+([\d.]+)/),
    requests,
    p50Ms: toMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1]),
    p99Ms: toMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]),
    non2xx,
    timeouts: Number(socket?.[4] ?? 0),
    socketErrors: Number(socket?.[1] ?? 0) + Number(socket?.[2] ?? 0) + Number(socket?.[3] ?? 0),
  }
}

function toMs(value: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value ?? '')
  if (!match) return NaN
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm']
  return Number(match[1]) * scale
}

/** One line per run for the log, so the spread behind each median is visible. */
export function describeRun(name: string, r: LoadResult & { cpuMsPerRequest?: number }): string {
  const extra = [r.non2xx ? `${r.non2xx} non-2xx` : '', r.timeouts ? `${r.timeouts} timeouts` : '', r.socketErrors ? `${r.socketErrors} socket errors` : '']
    .filter(Boolean)
    .join(', ')
  const cpu = r.cpuMsPerRequest === undefined ? '' : `  cpu ${(r.cpuMsPerRequest * 1000).toFixed(0)} µs/req`
  return `    ${name.padEnd(28)} ${Math.round(r.rps).toLocaleString('en-US').padStart(7)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms${cpu}${extra ? `  (${extra})` : ''}`
}
