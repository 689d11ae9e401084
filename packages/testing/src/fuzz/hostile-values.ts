import fc from 'fast-check'
import { deeplyNested, RawJson } from './raw-json.ts'

/** A large value sent verbatim and printed by its label (failure reports stay readable). */
function large(value: unknown, label: string): RawJson {
  return new RawJson(JSON.stringify(value), label)
}

/** An object holding `key` as an own property (a literal `{__proto__: …}` would set the prototype instead). */
export function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([[key, value]])
}

/** Keys that reach object internals when code copies input with `obj[key] = …` or spreads it. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'] as const

/** Strings that break naive storage, comparison, parsing or rendering. */
export const HOSTILE_STRINGS: readonly string[] = [
  'x\u0000y',
  '\u0000',
  '\uD800',
  'a\uDFFFb',
  '\uDBFF\uDFFF',
  '\uFEFF',
  '\uFFFE\uFFFF',
  '\u200B',
  '\u202Eevil',
  'Cafe\u0301',
  '\r\n\t',
  "' OR 1=1 --",
  '"; DROP TABLE catalog_systems; --',
  '%00',
  '../../etc/passwd',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '{"$ne": null}',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '9'.repeat(400),
  'null',
  'undefined',
  'true',
  ...PROTOTYPE_KEYS,
  '€'.repeat(700),
]

/** Strings past every field limit (and one past the 1 MiB body limit). */
const LARGE_STRINGS: readonly RawJson[] = [
  large('x'.repeat(100_000), "'x'.repeat(100000)"),
  large('€'.repeat(20_000), "'€'.repeat(20000)"),
  large('x'.repeat(1_100_000), "'x'.repeat(1100000)"),
]

/** Values of every JSON type, for a field that expects another one. */
export const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, '', 'x', [], {}, [[]], [null], { '': '' }]

/** Structures that exhaust recursion, memory or loops in careless code. */
export const HOSTILE_STRUCTURES: readonly unknown[] = [
  ...[63, 64, 65, 200, 3_000, 10_000, 100_000].map(deeplyNested),
  withOwnKey('__proto__', { isAdmin: true, access: ['*'] }),
  withOwnKey('constructor', { prototype: { polluted: true } }),
  withOwnKey('__proto__', null),
  large(Object.fromEntries(Array.from({ length: 2_000 }, (_, index) => [`k${index}`, index])), 'object of 2000 keys'),
  large(Array.from({ length: 100_000 }, () => 0), 'Array(100000).fill(0)'),
  large(Array.from({ length: 5_001 }, (_, index) => ({ index })), 'Array(5001) of {index}'),
  ...LARGE_STRINGS,
]

/**
 * A value no schema should accept where it is put: a wrong type, a hostile
 * string, or a structure built to hurt (deep nesting, prototype keys, huge sizes).
 */
export function hostileValueArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRUCTURES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  )
}
