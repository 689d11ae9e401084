import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'

function capture() {
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) })
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

describe('createLogger', () => {
  it('writes one JSON line with time, level label, message and fields', () => {
    const { logger, parsed } = capture()
    logger.child({ requestId: 'r1' }).info('done', { status: 200 })
    expect(parsed()).toEqual([{ time: expect.any(String), level: 'info', message: 'done', requestId: 'r1', status: 200 }])
  })

  it('censors credentials passed as fields, at the top and inside headers or an application', () => {
    const { logger, lines } = capture()
    logger.warn('careless caller', {
      authorization: 'Bearer ck_11111111-1111-4111-8111-111111111111_TopSecretValue',
      headers: { cookie: 'session=SessionCookieValue', 'set-cookie': 'session=SetCookieValue' },
      application: { secret: 'ck_PlainSecretValue', secretHash: 'HashValue', password: 'PasswordValue' },
    })
    for (const value of ['TopSecretValue', 'SessionCookieValue', 'SetCookieValue', 'PlainSecretValue', 'HashValue', 'PasswordValue']) {
      expect(lines.join('\n')).not.toContain(value)
    }
    expect(lines[0]).toContain('[redacted]')
  })

  it('logs an error with its stack and its cause', () => {
    const { logger, parsed } = capture()
    logger.error('write failed', { error: new Error('outer', { cause: new Error('disk full') }) })
    const { error } = parsed()[0] as { error: { message: string; stack: string; cause: { message: string } } }
    expect(error.message).toBe('outer')
    expect(error.stack).toContain('Error: outer')
    expect(error.cause.message).toBe('disk full')
  })

  it('drops lines below the level', () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) })
    logger.info('quiet')
    logger.warn('loud')
    expect(lines).toHaveLength(1)
  })
})
