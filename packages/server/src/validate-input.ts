import type { AnyProcedure } from '@orpc/server'
import { toIssues, wireError } from './wire-error.ts'

/**
 * Validates input against a procedure's schema, as oRPC will; returns the
 * parsed value or throws 400 with the issues. Run by the host before instance
 * checks, so they only ever see well-formed ids.
 */
export async function validateInput(procedure: AnyProcedure, input: unknown, key?: string): Promise<unknown> {
  const schema = procedure['~orpc'].inputSchema
  if (!schema) return input
  const result = await schema['~standard'].validate(input)
  if (!result.issues) return result.value
  throw wireError('BAD_REQUEST', 'Input validation failed', { ...(key ? { procedure: key } : {}), issues: toIssues(result.issues) })
}
