import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url))
const START_TIMEOUT_MS = 60_000

/** A real host process (the app's own entry point under tsx) listening on 127.0.0.1. */
export interface HostProcess {
  readonly url: string
  readonly pid: number
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** Its JSON log lines so far, parsed. */
  logLines(): Record<string, unknown>[]
  /** Resolves with the exit code (null when killed by a signal) once it has exited. */
  readonly exited: Promise<number | null>
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Spawns a host process on 127.0.0.1 with PORT=0 and resolves once it logs
 * `waitFor` ("checkpost listening": migrated and serving; "checkpost migrating":
 * listening, before migrations); its url is read from that line.
 * @example const a = await spawnHostProcess({ CHECKPOST_DATABASE_URL: url, CHECKPOST_DATABASE_SCHEMA: schema })
 */
export function spawnHostProcess(env: Readonly<Record<string, string>>, waitFor = 'checkpost listening'): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CHECKPOST_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`host did not start within ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = () => {
      const url = urlLoggedWith(output, waitFor)
      if (!url) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      resolve(handle(child, url, { output: () => output, exited }))
    }
    child.stdout.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code} before listening:\n${output}`))
    })
  })
}

function handle(child: ChildProcess, url: string, io: { output: () => string; exited: Promise<number | null> }): HostProcess {
  return {
    url,
    pid: child.pid!,
    output: io.output,
    logLines: () => parseLogLines(io.output()),
    exited: io.exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await io.exited
    },
  }
}

function urlLoggedWith(output: string, message: string): string | undefined {
  return parseLogLines(output).find((line) => line.message === message)?.url as string | undefined
}

function parseLogLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = []
  for (const text of output.split('\n')) {
    if (!text.startsWith('{')) continue
    try {
      lines.push(JSON.parse(text) as Record<string, unknown>)
    } catch {
      // a line still being written
    }
  }
  return lines
}
