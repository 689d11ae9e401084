import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))

/** A real host process on 127.0.0.1 (the app's own entry point, run by tsx). */
export interface ChildHost {
  readonly url: string
  readonly process: ChildProcess
  /** Everything it wrote to stdout and stderr. */
  readonly output: () => string
  /** Resolves with the exit code once it has exited. */
  readonly exited: Promise<number | null>
  kill(signal?: NodeJS.Signals): void
}

/** Spawns the server and resolves once it logs that it listens. */
export function spawnChildHost(env: Record<string, string>): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CHECKPOST_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /"message":"checkpost listening","url":"([^"]+)"/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1]!, process: child, output: () => output, exited, kill: (signal) => child.kill(signal) })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code} before listening:\n${output}`))
    })
  })
}
