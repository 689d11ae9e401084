import { createTestDatabase, TEST_ENGINES } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { createAdminKey, postJson } from './support/admin-key.ts'
import { spawnHostProcess } from './support/host-process.ts'

/** The value of one sample line, e.g. `checkpost_http_requests_total{plugin="catalog",…}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe.each(TEST_ENGINES)('metrics listener ($engine)', ({ engine, skip }) => {
  it.skipIf(skip)('counts known calls, latency and auth failures, scraped over HTTP on its own port', async () => {
    const testDb = await createTestDatabase(engine)
    const host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url, CHECKPOST_METRICS_PORT: '0' })
    try {
      const key = await createAdminKey(testDb.url)
      for (let i = 0; i < 3; i++) expect(await postJson(`${host.url}/api/catalog/`, { key, body: { getSystems: {} } })).toBe(200)
      expect(await postJson(`${host.url}/api/catalog/`, { key, body: { getSystems: {}, getGroups: {} } })).toBe(200)
      expect(await postJson(`${host.url}/api/catalog/`, { key: `${key.slice(0, -4)}AAAA`, body: { getSystems: {} } })).toBe(401)
      const anonymous = await fetch(`${host.url}/api/catalog/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(anonymous.status).toBe(401)

      const metricsUrl = host.logLines().find((l) => l.message === 'checkpost listening')?.metrics as string
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
      const response = await fetch(metricsUrl)
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(sample(text, 'checkpost_http_requests_total{plugin="catalog",procedure="getSystems",status="200"}')).toBe(3)
      expect(sample(text, 'checkpost_http_requests_total{plugin="catalog",procedure="batch",status="200"}')).toBe(1)
      expect(sample(text, 'checkpost_http_requests_total{plugin="catalog",procedure="none",status="401"}')).toBe(2)
      expect(sample(text, 'checkpost_http_request_duration_seconds_count{plugin="catalog",procedure="getSystems"}')).toBe(3)
      expect(sample(text, 'checkpost_auth_failures_total{reason="invalid"}')).toBe(1)
      expect(sample(text, 'checkpost_auth_failures_total{reason="missing"}')).toBe(1)
      expect(sample(text, 'checkpost_healthcheck_probes_in_flight')).toBe(0)
      expect(sample(text, 'checkpost_healthcheck_scheduler_lag_seconds')).toBeGreaterThanOrEqual(0)
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
      if (engine === 'postgres') expect(sample(text, 'checkpost_db_pool_max')).toBe(10)
    } finally {
      await host.kill()
      await testDb.dispose()
    }
  })
})

describe('metrics exposure', () => {
  it('never serves metrics on the public port, and serves none without CHECKPOST_METRICS_PORT', async () => {
    const testDb = await createTestDatabase()
    const host = await spawnHostProcess({ CHECKPOST_DATABASE_URL: testDb.url, CHECKPOST_METRICS_PORT: '' })
    try {
      const publicMetrics = await fetch(`${host.url}/metrics`)
      expect(publicMetrics.status).toBe(404)
      expect(await publicMetrics.text()).not.toContain('checkpost_http_requests_total')
      expect(host.logLines().find((l) => l.message === 'checkpost listening')).not.toHaveProperty('metrics')
    } finally {
      await host.kill()
      await testDb.dispose()
    }
  })
})
