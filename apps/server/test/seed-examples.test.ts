import { spawn, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { startListeningServer } from './listening-server.ts'

/** The seed's fetch example, verbatim apart from API_BASE and API_KEY. */
function seedClient(API_BASE: string, API_KEY: string) {
  async function callRpc<T>(pluginId: string, procedure: string, input?: unknown): Promise<T> {
    const response = await fetch(`${API_BASE}/api/${pluginId}/`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ [procedure]: input ?? {} }),
    })
    if (!response.ok) {
      const error = (await response.json()) as { message?: string }
      throw new Error(error.message || `HTTP ${response.status}`)
    }
    const result = (await response.json()) as Record<string, T>
    return result[procedure]!
  }
  return callRpc
}

async function keyWithRead(url: string, adminKey: string): Promise<string> {
  const call = seedClient(url, adminKey)
  const role = await call<{ id: string }>('auth-applications', 'createRole', { name: 'reader', accessRules: ['catalog.catalog.read'] })
  const app = await call<{ id: string; secret: string }>('auth-applications', 'createApplication', { name: 'ci' })
  await call('auth-applications', 'setApplicationRoles', { applicationId: app.id, roleIds: [role.id] })
  await call('catalog', 'createSystem', { name: 'payments' })
  return app.secret
}

const hasPythonRequests = spawnSync('python3', ['-c', 'import requests']).status === 0

/** Runs a command without blocking the event loop (the server under test lives in this process). */
function run(command: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('the seed documents work verbatim', () => {
  it('fetch: callRpc("catalog", "getSystems") returns the systems for a key whose role has catalog.catalog.read', async () => {
    await using s = await startListeningServer()
    const key = await keyWithRead(s.url, s.adminKey)
    const systems = await seedClient(s.url, key)<{ systems: { name: string }[] }>('catalog', 'getSystems')
    expect(systems.systems.map((system) => system.name)).toEqual(['payments'])
  })

  it('fetch: the batch example returns getSystems and getGroups in one response', async () => {
    await using s = await startListeningServer()
    const API_KEY = await keyWithRead(s.url, s.adminKey)
    const response = await fetch(`${s.url}/api/catalog/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ getSystems: {}, getGroups: {} }),
    })
    const { getSystems, getGroups } = (await response.json()) as { getSystems: { systems: unknown[] }; getGroups: unknown }
    expect(response.status).toBe(200)
    expect(getSystems.systems).toHaveLength(1)
    expect(getGroups).toEqual({ groups: [] })
  })

  it('curl: the basic example with -d \'{"getSystems": {}}\' answers 200', async () => {
    await using s = await startListeningServer()
    const key = await keyWithRead(s.url, s.adminKey)
    const curl = await run('curl', ['-s', '-X', 'POST', `${s.url}/api/catalog/`, '-H', `Authorization: Bearer ${key}`, '-H', 'Content-Type: application/json', '-d', '{"getSystems": {}}', '-w', '\n%{http_code}'])
    const [body, status] = curl.out.trim().split('\n')
    expect(status).toBe('200')
    expect(JSON.parse(body!).getSystems.systems[0].name).toBe('payments')
  })

  it('curl: without the read rule the answer is the seed\'s 403 body', async () => {
    await using s = await startListeningServer()
    const app = await seedClient(s.url, s.adminKey)<{ secret: string }>('auth-applications', 'createApplication', { name: 'bare' })
    const response = await fetch(`${s.url}/api/catalog/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.secret}`, 'Content-Type': 'application/json' },
      body: '{"getSystems": {}}',
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN', message: 'Missing access: catalog.catalog.read' })
  })

  it.skipIf(!hasPythonRequests)('python: the seed\'s call_rpc with requests returns the systems', async () => {
    await using s = await startListeningServer()
    const key = await keyWithRead(s.url, s.adminKey)
    const script = `
import json, requests
API_BASE = ${JSON.stringify(s.url)}
API_KEY = ${JSON.stringify(key)}

def call_rpc(plugin_id: str, procedure: str, input_data=None):
    response = requests.post(
        f"{API_BASE}/api/{plugin_id}/",
        headers={
            "Authorization": f"Bearer {API_KEY}",
            "Content-Type": "application/json",
        },
        json={procedure: input_data or {}},
    )
    response.raise_for_status()
    return response.json()[procedure]

systems = call_rpc("catalog", "getSystems")
print(json.dumps(systems))
`
    const python = await run('python3', ['-c', script])
    expect(python.code).toBe(0)
    expect(JSON.parse(python.out).systems[0].name).toBe('payments')
  })
})
