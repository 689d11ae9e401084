import { Procedure, type AnyProcedure } from '@orpc/server'

/**
 * The same procedure (middlewares, handler, output schema, metadata) with no
 * input schema, so oRPC's `call` runs it on the input as given. Only for
 * callers that parsed the input with this procedure's own schema already (the
 * JSON endpoint's `validateInput`); built once per procedure at mount time.
 */
export function withoutInputSchema(procedure: AnyProcedure): AnyProcedure {
  return new Procedure({ ...procedure['~orpc'], inputSchema: undefined })
}
