import fc from 'fast-check'
import { boundaryValues } from './boundary-values.ts'
import { resolveRef, typeOf } from './example-value.ts'
import { hostileValueArbitrary, PROTOTYPE_KEYS } from './hostile-values.ts'
import type { JsonSchemaNode } from './json-schema-node.ts'
import { validString, type FuzzPools } from './valid-strings.ts'

/** How often each value, at every node, is valid-shaped, a boundary value or a hostile one. */
export interface FuzzMix {
  readonly valid: number
  readonly boundary: number
  readonly hostile: number
}

/** Mostly valid at each node, so a typical input is valid but for one or two fields. */
export const DEFAULT_MIX: FuzzMix = { valid: 16, boundary: 2, hostile: 2 }

/** Only valid-shaped values: inputs that pass the schema (refinements aside) and reach handlers. */
export const VALID_MIX: FuzzMix = { valid: 1, boundary: 0, hostile: 0 }

const OMIT = Symbol('omit')
/** Keys a caller might slip in to set what the server owns, or to reach object internals. */
const EXTRA_KEYS = [...PROTOTYPE_KEYS, 'id', 'createdAt', 'createdBy', 'author', 'builtIn', 'secret', 'unknownField']

export interface SchemaArbitraryOptions {
  readonly pools: FuzzPools
  readonly mix?: FuzzMix
}

/**
 * Inputs for a JSON Schema (from `inputJsonSchema`): at every node a valid
 * value, a boundary value or a hostile one, mixed by `mix`; objects sometimes
 * miss required keys or carry extra ones (`__proto__`, `id`, …); `undefined`
 * sometimes stands for "no input".
 * @example fc.sample(schemaArbitrary(inputJsonSchema(contract.createSystem), { pools }), 5)
 */
export function schemaArbitrary(root: JsonSchemaNode, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const mix = options.mix ?? DEFAULT_MIX
  const hostile = hostileValueArbitrary()
  // Only a mix with boundary or hostile values also leaves out required keys.
  const breaksRules = mix.boundary + mix.hostile > 0

  // `field` is the property name a value sits under (array items inherit it), for the pools' byField.
  function build(raw: JsonSchemaNode, field?: string): fc.Arbitrary<unknown> {
    const node = resolveRef(raw, root)
    const valid = validArbitrary(node, field)
    const choices = [{ weight: mix.valid, arbitrary: valid }]
    const edges = boundaryValues(node, root)
    if (mix.boundary > 0 && edges.length > 0) choices.push({ weight: mix.boundary, arbitrary: fc.constantFrom(...edges) })
    if (mix.hostile > 0) choices.push({ weight: mix.hostile, arbitrary: hostile })
    return fc.oneof(...choices)
  }

  function validArbitrary(node: JsonSchemaNode, field?: string): fc.Arbitrary<unknown> {
    if ('const' in node) return fc.constant(node.const)
    if (node.enum) return fc.constantFrom(...node.enum)
    const branches = node.anyOf ?? node.oneOf
    if (branches) return fc.oneof(...branches.map((branch) => validArbitrary(resolveRef(branch, root), field)))
    if (node.allOf?.[0]) return validArbitrary(resolveRef(node.allOf[0], root), field)
    switch (typeOf(node)) {
      case 'string':
        return validString(node, options.pools, field)
      case 'integer':
        return fc.integer({ min: Math.ceil(node.minimum ?? -1e6), max: Math.floor(node.maximum ?? 1e6) })
      case 'number':
        return fc.double({ min: node.minimum ?? -1e6, max: node.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'array':
        return arrayOf(node, field)
      case 'object':
        return objectOf(node)
      case undefined:
      default:
        return fc.jsonValue({ maxDepth: 3 })
    }
  }

  function arrayOf(node: JsonSchemaNode, field?: string): fc.Arbitrary<unknown[]> {
    const minLength = node.minItems ?? 0
    const maxLength = Math.min(node.maxItems ?? 5, Math.max(minLength, 5))
    return fc.array(build(node.items ?? {}, field), { minLength, maxLength })
  }

  function objectOf(node: JsonSchemaNode): fc.Arbitrary<Record<string, unknown>> {
    const required = new Set(node.required ?? [])
    const field = (key: string, schema: JsonSchemaNode) =>
      required.has(key) && !breaksRules ? build(schema, key) : fc.option(build(schema, key), { nil: OMIT, freq: required.has(key) ? 25 : 2 })
    const fields = Object.entries(node.properties ?? {}).map(([key, schema]) => field(key, schema).map((value) => [key, value] as const))
    const rest = node.additionalProperties
    const dictionary =
      typeof rest === 'object' ? fc.dictionary(fc.string({ maxLength: 20 }), build(rest), { maxKeys: 5 }) : fc.constant({})
    const extra = fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), build({})), { minLength: 1, maxLength: 2 })
    const extras = fc.oneof({ weight: 7, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra })
    return fc.tuple(fc.tuple(...fields), dictionary, extras).map(([entries, more, extra]) =>
      // fromEntries defines own properties, so `__proto__` arrives as a key, not as the prototype.
      Object.fromEntries([...Object.entries(more), ...entries.filter(([, value]) => value !== OMIT), ...extra]),
    )
  }

  return fc.oneof({ weight: 15, arbitrary: build(root) }, { weight: 1, arbitrary: fc.constant(undefined) })
}
