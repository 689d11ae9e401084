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
const PASSWORD = 'first admin password'

function freshUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkpost-cli-users-'))
  dirs.push(dir)
  return `sqlite:${join(dir, 'checkpost.db')}`
}

function cli(args: string[], url: string, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, CHECKPOST_DATABASE_URL: url } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('checkpost users', () => {
  it('users create --password-stdin --json prints exactly {"id","email","name"}', async () => {
    const result = await cli(['users', 'create', '--email', 'Root@Example.com', '--name', 'Root', '--role', 'admin', '--password-stdin', '--json'], freshUrl(), `${PASSWORD}\n`)
    expect(result.code).toBe(0)
    const created = JSON.parse(result.stdout)
    expect(Object.keys(created).sort()).toEqual(['email', 'id', 'name'])
    expect(created.email).toBe('root@example.com')
  })

  it('users list shows the user and its roles, never the password', async () => {
    const url = freshUrl()
    await cli(['users', 'create', '--email', 'root@example.com', '--name', 'Root', '--role', 'admin', '--password-stdin'], url, `${PASSWORD}\n`)
    const list = await cli(['users', 'list', '--json'], url)
    expect(JSON.parse(list.stdout).users).toEqual([expect.objectContaining({ email: 'root@example.com', roles: ['admin'] })])
    expect(list.stdout).not.toContain(PASSWORD)
  })

  it('users set-password and users delete work by id', async () => {
    const url = freshUrl()
    const { id } = JSON.parse((await cli(['users', 'create', '--email', 'a@example.com', '--name', 'A', '--password-stdin', '--json'], url, `${PASSWORD}\n`)).stdout)
    expect((await cli(['users', 'set-password', id, '--password-stdin'], url, 'another password\r\n')).code).toBe(0)
    expect((await cli(['users', 'delete', id], url)).code).toBe(0)
    expect(JSON.parse((await cli(['users', 'list', '--json'], url)).stdout).users).toEqual([])
  })

  it("users set-password ends the user's sessions (an operator reset shuts out a stolen cookie)", async () => {
    const url = freshUrl()
    const { id } = JSON.parse((await cli(['users', 'create', '--email', 'a@example.com', '--name', 'A', '--password-stdin', '--json'], url, `${PASSWORD}\n`)).stdout)
    const database = createDatabase(url)
    try {
      const at = new Date().toISOString()
      const expires = new Date(Date.now() + 3_600_000).toISOString()
      await database.db
        .insertInto('auth_users_sessions' as never)
        .values({ id: 'session-1', token: 'token-1', user_id: id, expires_at: expires, created_at: at, updated_at: at } as never)
        .execute()
      expect((await cli(['users', 'set-password', id, '--password-stdin'], url, 'another password\n')).code).toBe(0)
      const left = await database.db.selectFrom('auth_users_sessions' as never).selectAll().execute()
      expect(left).toEqual([])
    } finally {
      await database.close()
    }
  }, 180_000)

  it('users create, set-password and delete each write an audit entry with actor kind cli, never the password or its hash', async () => {
    const url = freshUrl()
    const { id } = JSON.parse((await cli(['users', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'admin', '--password-stdin', '--json'], url, `${PASSWORD}\n`)).stdout)
    expect((await cli(['users', 'set-password', id, '--password-stdin'], url, 'another password\n')).code).toBe(0)
    const database = createDatabase(url)
    try {
      const hash = await database.db.selectFrom('auth_users_accounts').select('password').executeTakeFirstOrThrow()
      expect((await cli(['users', 'delete', id], url)).code).toBe(0)
      const { entries } = await listAuditEntries(database.db as never, { limit: 10 })
      expect(entries.map((e) => e.action)).toEqual(['user.deleted', 'user.password_changed', 'user.created'])
      expect(entries.every((e) => e.actor.kind === 'cli' && e.target.type === 'user' && e.target.id === id && e.sourceIp === null)).toBe(true)
      expect(entries.at(-1)!.changes).toEqual({ email: 'a@example.com', name: 'A', roleIds: ['admin'] })
      const stored = JSON.stringify(entries)
      for (const secret of [PASSWORD, 'another password', hash.password, '$argon2']) expect(stored).not.toContain(secret)
    } finally {
      await database.close()
    }
  }, 180_000) // three CLI processes: slow on a loaded 2-core machine

  it.each([
    [['users', 'create', '--email', 'a@example.com', '--name', 'A', '--password-stdin'], 'short\n', /at least 8 characters/],
    [['users', 'create', '--email', 'nope', '--name', 'A', '--password-stdin'], `${PASSWORD}\n`, /--email must be an email address/],
    [['users', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'ghost', '--password-stdin'], `${PASSWORD}\n`, /Unknown role "ghost"/],
    [['users', 'create', '--email', 'a@example.com', '--name', 'A'], '', /needs --password-stdin/],
    [['users', 'delete', '6f1c1f4e-4b0a-4c55-8d8e-2f7f1d7c9a10'], '', /No user with id/],
  ])('fails with one line on stderr that never holds the password: %j', async (args, stdin, message) => {
    const result = await cli(args, freshUrl(), stdin)
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
    if (stdin.trim() !== '') expect(result.stderr).not.toContain(stdin.trim())
  })

  it('refuses a second user with the same email in another case', async () => {
    const url = freshUrl()
    await cli(['users', 'create', '--email', 'a@example.com', '--name', 'A', '--password-stdin'], url, `${PASSWORD}\n`)
    const again = await cli(['users', 'create', '--email', 'A@EXAMPLE.COM', '--name', 'A', '--password-stdin'], url, `${PASSWORD}\n`)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
  })
})
