import { ERROR_STATUS } from '@checkpost/contract'
import type { TestResponse } from '@checkpost/testing'

const CODES = new Set(Object.keys(ERROR_STATUS))
const JSON_ERROR_KEYS = new Set(['code', 'message', 'procedure', 'issues'])
const ORPC_ERROR_KEYS = new Set(['defined', 'code', 'status', 'message', 'data'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function issuesProblem(issues: unknown): string | undefined {
  if (issues === undefined) return undefined
  if (!Array.isArray(issues) || issues.length === 0) return 'issues is not a non-empty array'
  const bad = issues.find(
    (issue) => !isRecord(issue) || Object.keys(issue).sort().join() !== 'message,path' || typeof issue.path !== 'string' || typeof issue.message !== 'string',
  )
  return bad === undefined ? undefined : `issue ${JSON.stringify(bad)} is not {path, message}`
}

function codeProblem(code: unknown, status: number): string | undefined {
  if (typeof code !== 'string' || !CODES.has(code)) return `code ${JSON.stringify(code)} is not in the error table`
  if (ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== status) return `code ${code} does not go with status ${status}`
  return undefined
}

/**
 * What is wrong with a JSON-endpoint error (DESIGN.md: `{code, message,
 * procedure?, issues?}` and nothing else, code matching the status), or
 * undefined when it is right.
 */
export function jsonErrorProblem(response: TestResponse, procedures: readonly string[]): string | undefined {
  const body: unknown = response.body
  if (!isRecord(body)) return 'body is not a JSON object'
  const extra = Object.keys(body).filter((key) => !JSON_ERROR_KEYS.has(key))
  if (extra.length > 0) return `unexpected keys ${extra.join(', ')}`
  if (typeof body.message !== 'string' || body.message === '') return 'message is not a non-empty string'
  if (body.procedure !== undefined && !procedures.includes(body.procedure as string)) {
    return `procedure ${JSON.stringify(body.procedure)} is none of ${procedures.join(', ')}`
  }
  return codeProblem(body.code, response.status) ?? issuesProblem(body.issues)
}

/**
 * What is wrong with a per-procedure error (oRPC's shape, as the README says:
 * `{defined, code, status, message, data?: {issues}}`), or undefined.
 */
export function procedureErrorProblem(response: TestResponse): string | undefined {
  const body: unknown = response.body
  if (!isRecord(body)) return 'body is not a JSON object'
  const extra = Object.keys(body).filter((key) => !ORPC_ERROR_KEYS.has(key))
  if (extra.length > 0) return `unexpected keys ${extra.join(', ')}`
  if (typeof body.defined !== 'boolean') return 'defined is not a boolean'
  if (body.status !== response.status) return `status ${JSON.stringify(body.status)} is not the HTTP status ${response.status}`
  if (typeof body.message !== 'string' || body.message === '') return 'message is not a non-empty string'
  if (body.data !== undefined && !isRecord(body.data)) return 'data is not an object'
  return codeProblem(body.code, response.status) ?? issuesProblem(isRecord(body.data) ? body.data.issues : undefined)
}
