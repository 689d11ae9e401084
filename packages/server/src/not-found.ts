import { ORPCError } from '@orpc/server'

/**
 * Returns `value`, or throws the 404 a router answers for an unknown id.
 * `false` counts as missing, for repository calls that report "nothing changed".
 * @example return orNotFound(await findSystem(db, id), 'System')
 */
export function orNotFound<T>(value: T | undefined | false, what: string): T {
  if (value === undefined || value === false) throw new ORPCError('NOT_FOUND', { message: `${what} not found` })
  return value
}
