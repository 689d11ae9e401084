import type { ZodToJsonSchemaConverterOptions } from '@orpc/zod/zod4'

type Interceptor = NonNullable<ZodToJsonSchemaConverterOptions['interceptors']>[number]

/**
 * Our transforms only normalise (a timestamp to UTC, text to NFC): the output
 * has the input's shape. Without this, oRPC's converter describes a transform's
 * output as "anything" and leaves it out of `required`.
 */
export const describeTransformsByTheirInput: Interceptor = (options) => {
  const def = options.schema._zod.def as { type: string; in?: typeof options.schema; out?: typeof options.schema }
  const normalises = def.type === 'pipe' && def.out?._zod.def.type === 'transform' && def.in !== undefined
  if (options.options.strategy !== 'output' || !normalises) return options.next()
  return options.next({ ...options, schema: def.in!, options: { ...options.options, strategy: 'input' } })
}
