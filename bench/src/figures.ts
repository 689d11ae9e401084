/** One printed figure: its median over the rounds, and the target it is held to. */
export interface Figure {
  readonly label: string
  /** Undefined when the figure could not be taken; `note` says why. */
  readonly value: number | undefined
  readonly unit: string
  /** e.g. "≥ 0.75"; absent for context figures. */
  readonly target?: string
  readonly holds?: boolean
  readonly note?: string
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** A figure with a target: holds when `test(value)` is true for a finite value. */
export function targetFigure(label: string, value: number, spec: { unit: string; target: string; test: (v: number) => boolean }): Figure {
  return { label, value, unit: spec.unit, target: spec.target, holds: Number.isFinite(value) && spec.test(value) }
}

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value)
  if (unit === '×') return value.toFixed(Math.abs(value) >= 10 ? 1 : 3)
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US')
  return value.toFixed(2)
}

/** The results as a Markdown table. */
export function toTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const holds = f.holds === undefined ? '' : f.holds ? 'PASS' : 'FAIL'
    const value = f.value === undefined ? `n/a: ${f.note ?? 'not measured'}` : `${format(f.value, f.unit)} ${f.unit}`.trim()
    return `| ${f.label} | ${value} | ${f.target ?? ''} | ${f.value === undefined ? '' : holds} |`
  })
  return ['| figure (median) | value | target | verdict |', '|---|---|---|---|', ...rows].join('\n')
}
