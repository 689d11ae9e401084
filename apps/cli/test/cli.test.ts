import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listAuditEntries } from '@checkpost/auth-applications-server'
import { createDatabase } from '@checkpost/db'
import { createTestDatabase, POSTGRES_URL } from '@checkpost/testing'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/run-cli.ts'

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const dirs: string[] = []

function freshUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-cli-'))
  dirs.push(dir)
  return `sqlite:${join(dir, 'nested', 'checkpost.db')}`
}

function pathOf(url: string): string {
  return url.slice('sqlite:'.length)
}

function cli(args: string[], url: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, CHECKPOST_DATABASE_URL: url, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The same program in-process (help and usage paths: no process start needed to see them). */
async function cliInProcess(args: string[], url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const output = { out: (text: string) => (stdout += `${text}\n`), err: (text: string) => (stderr += `${text}\n`) }
  const code = await runCli(args, { CHECKPOST_DATABASE_URL: url }, output)
  return { code, stdout, stderr }
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('checkpost CLI', () => {
  it('applications create --json prints exactly one JSON object with id, name and secret on a fresh database', async () => {
    const result = await cli(['applications', 'create', '--name', 'admin', '--role', 'admin', '--json'], freshUrl())
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const created = JSON.parse(lines[0]!)
    expect(Object.keys(created).sort()).toEqual(['id', 'name', 'secret'])
    expect(created.secret).toMatch(new RegExp(`^ck_${created.id}_[A-Za-z0-9]{32,}$`))
  })

  it('applications list shows roles but never the secret', async () => {
    const url = freshUrl()
    const created = JSON.parse((await cli(['applications', 'create', '--name', 'ci', '--json'], url)).stdout)
    const list = await cli(['applications', 'list', '--json'], url)
    const { applications } = JSON.parse(list.stdout)
    expect(applications).toEqual([expect.objectContaining({ id: created.id, name: 'ci', roles: ['applications'] })])
    expect(list.stdout).not.toContain(created.secret.split('_').at(-1))
  })

  it('applications regenerate prints a new secret and delete removes the application', async () => {
    const url = freshUrl()
    const created = JSON.parse((await cli(['applications', 'create', '--name', 'ci', '--json'], url)).stdout)
    const regenerated = JSON.parse((await cli(['applications', 'regenerate', created.id, '--json'], url)).stdout)
    expect(regenerated.id).toBe(created.id)
    expect(regenerated.secret).not.toBe(created.secret)
    expect((await cli(['applications', 'delete', created.id], url)).code).toBe(0)
    expect(JSON.parse((await cli(['applications', 'list', '--json'], url)).stdout).applications).toEqual([])
  })

  it('writes an audit entry with actor kind cli for each change, and none for reads', async () => {
    const url = freshUrl()
    const created = JSON.parse((await cli(['applications', 'create', '--name', 'ci', '--json'], url)).stdout)
    await cli(['applications', 'regenerate', created.id, '--json'], url)
    await cli(['applications', 'list', '--json'], url)
    await cli(['applications', 'delete', created.id], url)
    const database = createDatabase(url)
    try {
      const { entries } = await listAuditEntries(database.db as never, { limit: 10 })
      expect(entries.map((e) => e.action)).toEqual(['application.deleted', 'application.secret_regenerated', 'application.created'])
      expect(entries.every((e) => e.actor.kind === 'cli' && e.target.id === created.id && e.sourceIp === null)).toBe(true)
      expect(JSON.stringify(entries)).not.toContain(created.secret.split('_').at(-1))
    } finally {
      await database.close()
    }
  })

  it('roles list shows the built-in roles', async () => {
    const result = await cli(['roles', 'list', '--json'], freshUrl())
    expect(JSON.parse(result.stdout).roles.map((role: { id: string }) => role.id)).toEqual(['admin', 'applications'])
  })

  it('migrate on a fresh database lists the migrations it applied, then finds none', async () => {
    const url = freshUrl()
    const first = await cli(['migrate'], url)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^Applied \d+ migrations:\n/)
    expect(first.stdout).toContain('  auth-applications/0001-create-applications\n')
    const second = await cli(['migrate'], url)
    expect(second.stdout.trim()).toBe('Migrations are up to date; nothing to apply.')
  })

  it('applications create --role admin also gives the built-in applications role, as the API does', async () => {
    const url = freshUrl()
    const created = JSON.parse((await cli(['applications', 'create', '--name', 'root', '--role', 'admin', '--json'], url)).stdout)
    const { applications } = JSON.parse((await cli(['applications', 'list', '--json'], url)).stdout)
    expect(applications).toEqual([expect.objectContaining({ id: created.id, roles: ['admin', 'applications'] })])
  })

  it.each([
    [['--help'], 'Usage: checkpost [options] [command]'],
    [['help'], 'Usage: checkpost [options] [command]'],
    [['applications', '--help'], 'Usage: checkpost applications [options] [command]'],
    [['help', 'applications'], 'Usage: checkpost applications [options] [command]'],
    [['applications', 'create', '--help'], 'Usage: checkpost applications create [options]'],
    [['applications', 'delete', '--help'], 'Usage: checkpost applications delete [options] <id>'],
    [['roles', 'list', '--help'], 'Usage: checkpost roles list [options]'],
    [['migrate', '--help'], 'Usage: checkpost migrate [options]'],
  ])('%j prints that command\'s usage on stdout, exits 0 and opens no database', async (args, usage) => {
    const url = freshUrl()
    const result = await cliInProcess(args, url)
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe(usage)
    expect(result.stderr).toBe('')
    expect(existsSync(pathOf(url))).toBe(false)
  })

  it('--version prints the version', async () => {
    const result = await cliInProcess(['--version'], freshUrl())
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it.each([[[]], [['applications']], [['roles']]])('%j alone prints its usage on stderr and exits 2', async (args) => {
    const result = await cliInProcess(args, freshUrl())
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Usage: checkpost/)
  })

  it.each([
    [['planets', 'list'], "checkpost: unknown command 'planets'"],
    [['applicatons', 'list'], "checkpost: unknown command 'applicatons' (Did you mean applications?)"],
    [['applications', 'remove', 'x'], "checkpost: unknown command 'remove'"],
    [['applications', 'list', '--bogus'], "checkpost: unknown option '--bogus'"],
    [['--bogus'], "checkpost: unknown option '--bogus'"],
    [['applications', 'delete', '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10', 'extra'], "checkpost: too many arguments for 'delete'. Expected 1 argument but got 2."],
    [['migrate', 'extra'], "checkpost: too many arguments for 'migrate'. Expected 0 arguments but got 1."],
    [['applications', 'create'], "checkpost: required option '--name <name>' not specified"],
    [['applications', 'delete'], "checkpost: missing required argument 'id'"],
  ])('%j: one clear line on stderr, exit 2, and no database file left behind', async (args, line) => {
    const url = freshUrl()
    const result = await cliInProcess(args, url)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`${line}\n`)
    expect(existsSync(pathOf(url))).toBe(false)
  })

  it.each([
    [['applications', 'create', '--name', 'x', '--role', 'nope'], /Unknown role "nope"/],
    [['applications', 'regenerate', '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'], /No application with id/],
  ])('a command that fails prints one line on stderr and exits 1: %j', async (args, message) => {
    const result = await cli(args, freshUrl())
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
  })

  it('refuses a malformed id before opening the database', async () => {
    const url = freshUrl()
    const result = await cliInProcess(['applications', 'delete', 'not-a-uuid'], url)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('checkpost: "not-a-uuid" is not an application id (a UUID)\n')
    expect(existsSync(pathOf(url))).toBe(false)
  })

  it('fails with one line for a bad database URL', async () => {
    const result = await cli(['roles', 'list'], 'mysql://nowhere')
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^checkpost: Cannot open database: Unsupported database URL scheme/)
  })

  it.skipIf(!POSTGRES_URL)('warns when Checkpost tables live in another Postgres schema than the one pointed at', async () => {
    const testDb = await createTestDatabase('postgres')
    try {
      await sql`create schema checkpost`.execute(testDb.database.db)
      expect((await cli(['migrate'], testDb.url, { CHECKPOST_DATABASE_SCHEMA: 'checkpost' })).code).toBe(0)
      const inPlace = await cli(['roles', 'list'], testDb.url, { CHECKPOST_DATABASE_SCHEMA: 'checkpost' })
      expect(inPlace.stderr).toBe('')
      const result = await cli(['roles', 'list'], testDb.url)
      expect(result.code).toBe(0)
      expect(result.stderr).toBe(
        'checkpost: warning: Checkpost tables exist in schema "checkpost", but this command uses the default search path; ' +
          'set CHECKPOST_DATABASE_SCHEMA=checkpost to work on that installation\n',
      )
    } finally {
      await testDb.dispose()
    }
  })
})
