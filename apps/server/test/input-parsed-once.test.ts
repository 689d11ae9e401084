import { defineAccessRules, listAccessRules, proc } from '@checkpost/contract'
import { definePlugin, implementPlugin } from '@checkpost/server'
import { createTestHost } from '@checkpost/testing'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

/** A plugin whose one input schema counts how often it parses. */
function countingPlugin() {
  const counter = { parses: 0 }
  const access = defineAccessRules('counting', { echo: { read: 'Echo inputs' } })
  const input = z
    .object({ n: z.int().min(1).default(1) })
    .nullish()
    .transform((value) => {
      counter.parses++
      return value ?? { n: 1 }
    })
  const contract = { echo: proc.meta({ access: [access.echo.read] }).input(input).output(z.object({ n: z.int() })) }
  const plugin = definePlugin({
    id: 'counting',
    contract,
    accessRules: listAccessRules(access),
    migrations: {},
    router: () => {
      const os = implementPlugin<Record<string, never>>()(contract)
      return os.router({ echo: os.echo.handler(({ input }) => ({ n: input.n })) })
    },
  })
  return { plugin, counter }
}

describe('input parsing on both endpoints', () => {
  it('parses each input once per call, defaults applied, on the JSON and the per-procedure endpoint', async () => {
    const { plugin, counter } = countingPlugin()
    await using t = await createTestHost({ plugins: [plugin] })
    const json = await t.call('counting/', { key: t.adminKey, body: { echo: {} } })
    expect(json).toMatchObject({ status: 200, body: { echo: { n: 1 } } })
    expect(counter.parses).toBe(1)
    const single = await t.call('counting/echo', { key: t.adminKey, body: { n: 7 } })
    expect(single).toMatchObject({ status: 200, body: { n: 7 } })
    expect(counter.parses).toBe(2)
  })

  it('still answers 400 with the issue path for an input its schema refuses', async () => {
    const { plugin } = countingPlugin()
    await using t = await createTestHost({ plugins: [plugin] })
    const response = await t.call('counting/', { key: t.adminKey, body: { echo: { n: 0 } } })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST', procedure: 'echo', issues: [{ path: 'n' }] })
  })
})
