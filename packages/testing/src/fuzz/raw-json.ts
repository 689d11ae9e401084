import fc from 'fast-check'

const texts = new Map<number, string>()
const PLACEHOLDER = /"\\u0000raw(\d+)\\u0000"/g

/**
 * JSON text placed verbatim where this value sits when serialized with
 * `toJsonBody`: for inputs `JSON.stringify` (and fast-check's printer) cannot
 * walk, such as objects nested 10,000 levels deep. Prints as its label.
 */
export class RawJson {
  readonly #id: number
  readonly label: string
  constructor(text: string, label: string) {
    this.#id = texts.size
    texts.set(this.#id, text)
    this.label = label
  }
  toJSON(): string {
    return `\u0000raw${this.#id}\u0000`
  }
  [fc.toStringMethod](): string {
    return this.label
  }
}

/** Like `JSON.stringify`, with every `RawJson` inside replaced by its text. */
export function toJsonBody(value: unknown): string {
  return JSON.stringify(value).replace(PLACEHOLDER, (_, id: string) => texts.get(Number(id))!)
}

/**
 * JSON text nesting `{"a": [ … ]}` `depth` levels deep around a string leaf.
 * @example toJsonBody({ metadata: deeplyNested(5000) })
 */
export function deeplyNested(depth: number): RawJson {
  const objects = Math.ceil(depth / 2)
  const arrays = Math.floor(depth / 2)
  const open = '{"a":['.repeat(arrays) + (objects > arrays ? '{"a":' : '')
  const close = (objects > arrays ? '}' : '') + ']}'.repeat(arrays)
  return new RawJson(`${open}"leaf"${close}`, `deeplyNested(${depth})`)
}
