/** One printed figure: its median over the rounds, and the target it is held to. */
export interface Figure {
  readonly label: string
  readonly value: number
  readonly unit: string
  /** e.g. "≥ 0.75"; absent for context figures. */
  readonly target?: string
  readonly holds?: boolean
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const format = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2))

/** The results as a Markdown table. */
export function toTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const holds = f.holds === undefined ? '' : f.holds ? 'yes' : 'NO'
    return `| ${f.label} | ${format(f.value)} ${f.unit} | ${f.target ?? ''} | ${holds} |`
  })
  return ['| figure (median) | value | target | holds |', '|---|---|---|---|', ...rows].join('\n')
}
