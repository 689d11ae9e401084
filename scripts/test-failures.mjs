// Keeps the failure sections of vitest's output (per turbo task) so they can be
// printed again after the whole run.

const ANSI = /\u001b\[[0-9;]*m/g
const MAX_LINES_PER_TASK = 300

/** Splits turbo's `{task}: {text}` prefix off a line; tasks look like `@scope/pkg:test`. */
function splitTaskPrefix(line) {
  const match = /^(\S+:test): ?(.*)$/.exec(line)
  return match ? { task: match[1], text: match[2] } : { task: '', text: line }
}

export class FailureCollector {
  /** task -> kept lines */
  #kept = new Map()
  /** tasks currently inside a "Failed Tests" / "Unhandled Errors" section */
  #open = new Set()
  #failedTasks = new Set()

  add(rawLine) {
    const line = rawLine.replace(ANSI, '')
    const { task, text } = splitTaskPrefix(line)
    if (/Failed Tests \d+|Unhandled Errors?|Failed Suites \d+/.test(text)) this.#open.add(task)
    if (/ERROR\s+command .* exited \(\d+\)/.test(line) || /^Failed:\s+/.test(line)) this.#failedTasks.add(line.trim())
    if (!this.#open.has(task)) return
    const kept = this.#kept.get(task) ?? []
    if (kept.length < MAX_LINES_PER_TASK) kept.push(text)
    this.#kept.set(task, kept)
    if (/^\s*Test Files\s/.test(text)) this.#open.delete(task)
  }

  summary() {
    const out = ['', '════════ What failed (repeated from above) ════════']
    for (const [task, lines] of this.#kept) {
      out.push('', `── ${task || '(no task prefix)'} ──`, ...lines)
    }
    if (this.#kept.size === 0) out.push('No vitest failure section was seen; see the log above.')
    out.push('', ...this.#failedTasks, '')
    return out.join('\n')
  }
}
