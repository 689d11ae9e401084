import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listAuditEntries } from '@checkpost/auth-applications-server'
import { createDatabase } from '@checkpost/db'
import { afterEach, describe, expect, it } from 'vitest'

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const dirs: string[] = []

function freshUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-cli-'))
  dirs.push(dir)
  return `sqlite:${join(dir, 'nested', 'checkpost.db')}`
}

function cli(args: string[], url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, CHECKPOST_DATABASE_URL: url },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
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

  it('migrate succeeds on a fresh database', async () => {
    const result = await cli(['migrate'], freshUrl())
    expect(result.code).toBe(0)
  })

  it.each([
    [['applications', 'create', '--name', 'x', '--role', 'nope'], /Unknown role "nope"/],
    [['applications', 'regenerate', '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'], /No application with id/],
    [['applications', 'delete', 'not-a-uuid'], /is not an application id/],
    [['applications', 'create'], /needs --name/],
    [['planets', 'list'], /Unknown command "planets list"/],
    [['applications', 'list', '--bogus'], /Unknown option '--bogus'/],
  ])('fails with one line on stderr and a non-zero exit: %j', async (args, message) => {
    const result = await cli(args, freshUrl())
    expect(result.code).not.toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
  })

  it('fails with one line for a bad database URL', async () => {
    const result = await cli(['roles', 'list'], 'mysql://nowhere')
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^checkpost: Cannot open database: Unsupported database URL scheme/)
  })
})
