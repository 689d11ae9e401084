import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

/** One load run's figures. */
export interface LoadResult {
  readonly rps: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly non2xx: number
  readonly timeouts: number
}

export interface LoadOptions {
  readonly url: string
  readonly body: string
  readonly key?: string
  readonly connections: number
  readonly durationSec: number
}

/** wrk (Debian's package) when installed: it takes less CPU from the server than a Node load generator. */
export const LOAD_GENERATOR: 'wrk' | 'autocannon' = spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk'

/** POSTs `body` as JSON over keep-alive connections for `durationSec`. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return LOAD_GENERATOR === 'wrk' ? runWrk(options) : runAutocannon(options)
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
    timeout: 10,
  })
  return {
    rps: result.requests.total / (result.duration || options.durationSec),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
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
  const args = [`-t${threads}`, `-c${options.connections}`, `-d${options.durationSec}s`, '--timeout', '10s', '--latency', '-s', script, options.url]
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.on('error', reject)
    child.on('close', () => resolve(parseWrk(out)))
  })
}

function parseWrk(out: string): LoadResult {
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0)
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: toMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1]),
    p99Ms: toMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]),
    non2xx: number(/Non-2xx or 3xx responses:\s+(\d+)/),
    timeouts: number(/timeout (\d+)/),
  }
}

function toMs(value: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value ?? '')
  if (!match) return NaN
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm']
  return Number(match[1]) * scale
}
