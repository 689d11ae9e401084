// Makes a fresh clone runnable with only Node 20 and npm: pnpm at the pinned
// version (from PATH, or installed locally into .tools/ — never globally), the
// workspace's dependencies (installed when node_modules is absent or older than
// pnpm-lock.yaml), and the builds the server needs to start (the web console).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1]
const TOOLS = join(ROOT, '.tools')
const STAMP = join(ROOT, 'node_modules', '.checkpost-lockfile-sha256')

function say(message) {
  process.stderr.write(`checkpost: ${message}\n`)
}

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' })
  if (result.status !== 0) {
    say(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`)
    process.exit(result.status || 1)
  }
}

function pnpmVersionOn(env) {
  const result = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/** An environment whose PATH has pnpm at the pinned version first. */
function ensurePnpm() {
  const localBin = join(TOOLS, 'node_modules', '.bin')
  const env = { ...process.env, PATH: `${localBin}${delimiter}${process.env.PATH ?? ''}` }
  if (pnpmVersionOn(env) === PNPM_VERSION) return env
  say(`installing pnpm ${PNPM_VERSION} into .tools/ (no global install)`)
  mkdirSync(TOOLS, { recursive: true })
  writeFileSync(join(TOOLS, 'package.json'), '{ "private": true }\n')
  run('npm', ['install', '--prefix', TOOLS, '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${PNPM_VERSION}`], env)
  if (pnpmVersionOn(env) !== PNPM_VERSION) {
    say(`pnpm ${PNPM_VERSION} is still not runnable from ${localBin}`)
    process.exit(1)
  }
  return env
}

function dependenciesCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lockfileHash()
}

/** True when there is no console to build: built already, turned off, or served from another directory. */
function consoleBuilt() {
  const web = join(ROOT, 'apps', 'web')
  if (process.env.CHECKPOST_CONSOLE_DIR) return true // `off`, or a console built elsewhere
  return !existsSync(join(web, 'package.json')) || existsSync(join(web, 'dist', 'index.html'))
}

function lockfileHash() {
  return createHash('sha256').update(readFileSync(join(ROOT, 'pnpm-lock.yaml'))).digest('hex')
}

/** Installs the workspace when node_modules is missing or was installed from another lockfile. */
function ensureDependencies(env) {
  if (dependenciesCurrent()) return
  say('installing dependencies (pnpm install --frozen-lockfile)')
  run('pnpm', ['install', '--frozen-lockfile'], env)
  writeFileSync(STAMP, lockfileHash())
}

/** Builds the web console once when the app has one and it is not built yet. */
function ensureConsoleBuilt(env) {
  if (consoleBuilt()) return
  say('building the web console (apps/web/dist) once')
  run('pnpm', ['--filter', '@checkpost/web', 'run', 'build'], env)
}

/**
 * Everything a start or a test run needs; returns the environment (PATH with
 * pnpm) for the commands to run next.
 * @example const env = ensureWorkspace({ start: true })
 */
export function ensureWorkspace({ start }) {
  // A start with everything in place needs no pnpm: skip looking for it (it costs a process start).
  if (start && dependenciesCurrent() && consoleBuilt()) return { ...process.env }
  const env = ensurePnpm()
  ensureDependencies(env)
  if (start) ensureConsoleBuilt(env)
  return env
}
