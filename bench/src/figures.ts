/** One printed figure: its median over the rounds, the spread behind it, and its target. */
export interface Figure {
  readonly label: string
  /** Undefined when the figure could not be taken; `note` says why. */
  readonly value: number | undefined
  readonly unit: string
  /** Lowest and highest round, when the figure is a median of several. */
  readonly min?: number
  readonly max?: number
  /** e.g. "≥ 0.85"; absent for context figures. */
  readonly target?: string
  readonly holds?: boolean
  readonly note?: string
}

/** What a target is: its printed form and the test a value must pass. */
export interface TargetSpec {
  readonly unit: string
  readonly target: string
  readonly test: (value: number) => boolean
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** A figure with a target: holds when `test(value)` is true for a finite value. */
export function targetFigure(label: string, value: number, spec: TargetSpec): Figure {
  return { label, value, unit: spec.unit, target: spec.target, holds: Number.isFinite(value) && spec.test(value) }
}

/**
 * The median of per-round values with their min–max; judged against `spec` when given.
 * @example roundsFigure('1. JSON / data ceiling req/s', [0.91, 0.88, 0.93], { unit: '×', target: '≥ 0.85', test: (v) => v >= 0.85 })
 */
export function roundsFigure(label: string, values: readonly number[], spec: TargetSpec | { unit: string }): Figure {
  const spread = values.length > 1 ? { min: Math.min(...values), max: Math.max(...values) } : {}
  const value = median(values)
  if ('test' in spec) return { ...targetFigure(label, value, spec), ...spread }
  return { label, value, unit: spec.unit, ...spread }
}

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value)
  if (unit === '×') return value.toFixed(Math.abs(value) >= 10 ? 1 : 3)
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US')
  return value.toFixed(Math.abs(value) >= 1 ? 2 : 3)
}

function valueCell(f: Figure): string {
  if (f.value === undefined) return `n/a: ${f.note ?? 'not measured'}`
  const spread = f.min !== undefined && f.max !== undefined ? ` (${format(f.min, f.unit)}–${format(f.max, f.unit)})` : ''
  return `${format(f.value, f.unit)} ${f.unit}${spread}`.trim()
}

/** The results as a Markdown table: median (min–max over the rounds), target, verdict. */
export function toTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const holds = f.holds === undefined || f.value === undefined ? '' : f.holds ? 'PASS' : 'FAIL'
    return `| ${f.label} | ${valueCell(f)} | ${f.target ?? ''} | ${holds} |`
  })
  return ['| figure | median (min–max) | target | verdict |', '|---|---|---|---|', ...rows].join('\n')
}
